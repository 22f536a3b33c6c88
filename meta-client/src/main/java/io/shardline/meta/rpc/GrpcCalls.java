package io.shardline.meta.rpc;

import io.grpc.stub.StreamObserver;
import io.shardline.common.rpc.RpcErrors;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Adapts gRPC's callback style to {@link CompletableFuture}s for unary calls. Stateless. */
public final class GrpcCalls {

    private GrpcCalls() {
    }

    /** Starts a unary call and completes with its single response or its failure. */
    public static <T> CompletableFuture<T> unary(Consumer<StreamObserver<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        call.accept(new StreamObserver<>() {
            private T value;

            @Override
            public void onNext(T v) {
                value = v;
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                result.complete(value);
            }
        });
        return result;
    }

    /** Completes a server call with the future's value, or with the failure as a Shardline status. */
    public static <T> void reply(CompletableFuture<T> future, StreamObserver<T> observer) {
        future.whenComplete((value, error) -> {
            if (error != null) {
                observer.onError(RpcErrors.toStatus(error));
            } else {
                observer.onNext(value);
                observer.onCompleted();
            }
        });
    }
}
