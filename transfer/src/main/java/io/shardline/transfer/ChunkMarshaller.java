package io.shardline.transfer;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.ClientCalls;
import io.grpc.protobuf.ProtoUtils;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.ReadShardSnapshotRequest;
import io.shardline.proto.datanode.RestoreShardResponse;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of {@link ShardSnapshotChunk} on the receiving side of the two shard streams
 * ({@code ReadShardSnapshot}'s responses, {@code RestoreShard}'s requests) without gRPC's default
 * copies: the default protobuf marshaller reads a message of up to 4 MiB into a scratch array and
 * copies its bytes field out of it again (and parses a larger one through 4 KiB buffers, copying
 * every byte twice more), whereas this one reads the message once into an array of its exact size
 * and lets the parsed chunk's {@code data} alias that array. Bytes on the wire are the same as with
 * the default marshaller (sending uses it), so either end may be an older build. Stateless.
 */
public final class ChunkMarshaller implements MethodDescriptor.PrototypeMarshaller<ShardSnapshotChunk> {

    public static final ChunkMarshaller INSTANCE = new ChunkMarshaller();

    private static final MethodDescriptor.Marshaller<ShardSnapshotChunk> DEFAULT =
            ProtoUtils.marshaller(ShardSnapshotChunk.getDefaultInstance());

    private ChunkMarshaller() {
    }

    /** {@code ReadShardSnapshot} with this marshaller for its responses (for a client's calls). */
    public static MethodDescriptor<ReadShardSnapshotRequest, ShardSnapshotChunk> readShardSnapshot() {
        MethodDescriptor<ReadShardSnapshotRequest, ShardSnapshotChunk> m = DataNodeServiceGrpc.getReadShardSnapshotMethod();
        return m.toBuilder(m.getRequestMarshaller(), INSTANCE).build();
    }

    /**
     * Starts {@code ReadShardSnapshot} on {@code stub}'s channel with its call options, the chunks
     * parsed by this marshaller going to {@code receiver}.
     */
    public static void readShardSnapshot(AbstractStub<?> stub, ReadShardSnapshotRequest request,
                                         ChunkReceiver receiver) {
        ClientCalls.asyncServerStreamingCall(stub.getChannel().newCall(readShardSnapshot(), stub.getCallOptions()),
                request, receiver);
    }

    /** {@code RestoreShard} with this marshaller for its requests (for a server's definition). */
    public static MethodDescriptor<ShardSnapshotChunk, RestoreShardResponse> restoreShard() {
        MethodDescriptor<ShardSnapshotChunk, RestoreShardResponse> m = DataNodeServiceGrpc.getRestoreShardMethod();
        return m.toBuilder(INSTANCE, m.getResponseMarshaller()).build();
    }

    /**
     * {@code service} (the data node service's definition) with {@code RestoreShard}'s requests
     * parsed by this marshaller; every other method as it was.
     */
    @SuppressWarnings("unchecked")
    public static ServerServiceDefinition receivingChunks(ServerServiceDefinition service) {
        ServiceDescriptor sd = service.getServiceDescriptor();
        MethodDescriptor<ShardSnapshotChunk, RestoreShardResponse> restore = restoreShard();
        List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(sd.getName())
                .setSchemaDescriptor(sd.getSchemaDescriptor());
        for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
            if (m.getMethodDescriptor().getFullMethodName().equals(restore.getFullMethodName())) {
                m = ServerMethodDefinition.create(restore,
                        ((ServerMethodDefinition<ShardSnapshotChunk, RestoreShardResponse>) m).getServerCallHandler());
            }
            methods.add(m);
            descriptor.addMethod(m.getMethodDescriptor());
        }
        ServerServiceDefinition.Builder out = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(out::addMethod);
        return out.build();
    }

    @Override
    public InputStream stream(ShardSnapshotChunk value) {
        return DEFAULT.stream(value);
    }

    @Override
    public ShardSnapshotChunk parse(InputStream stream) {
        try {
            byte[] bytes;
            if (stream instanceof KnownLength) {
                bytes = new byte[stream.available()];
                int n = stream.readNBytes(bytes, 0, bytes.length);
                if (n != bytes.length || stream.read() != -1) {
                    throw new IOException("message size inaccurate: " + n + " of " + bytes.length + " bytes");
                }
            } else {
                bytes = stream.readAllBytes();
            }
            // The array is this message's alone and never changes: its bytes field may point into it.
            CodedInputStream in = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
            in.enableAliasing(true);
            in.setSizeLimit(Integer.MAX_VALUE);
            ShardSnapshotChunk chunk = ShardSnapshotChunk.parseFrom(in);
            in.checkLastTagWas(0);
            return chunk;
        } catch (InvalidProtocolBufferException e) {
            throw Status.INTERNAL.withDescription("Invalid protobuf byte sequence").withCause(e).asRuntimeException();
        } catch (IOException e) {
            throw Status.INTERNAL.withDescription("cannot read a shard chunk: " + e.getMessage()).withCause(e)
                    .asRuntimeException();
        }
    }

    @Override
    public ShardSnapshotChunk getMessagePrototype() {
        return ShardSnapshotChunk.getDefaultInstance();
    }

    @Override
    public Class<ShardSnapshotChunk> getMessageClass() {
        return ShardSnapshotChunk.class;
    }
}
