package io.shardline.transfer;

import com.google.protobuf.ByteOutput;
import com.google.protobuf.ByteString;
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
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The wire form of {@link ShardSnapshotChunk} on the receiving side of the two shard streams
 * ({@code ReadShardSnapshot}'s responses, {@code RestoreShard}'s requests) without gRPC's default
 * copies: the default protobuf marshaller reads a message of up to 4 MiB into a scratch array and
 * copies its bytes field out of it again (and parses a larger one through 4 KiB buffers, copying
 * every byte twice more), whereas this one reads the message once into an array of its exact size
 * and lets the parsed chunk's {@code data} alias that array. Bytes on the wire are the same as with
 * the default marshaller (sending uses it), so either end may be an older build.
 *
 * <p>A chunk-sized message is read into an array from a small pool, which {@link ChunkReceiver} gives
 * back ({@link #recycle}) once it moved past the chunk: a fresh 4 MiB array per message had to be
 * zeroed and, being larger than half a G1 region, was allocated outside the young generation, so a
 * 1 GB transfer started about a hundred collections ("G1 Humongous Allocation"). An array that is
 * never given back is garbage like any other. Thread-safe.
 */
public final class ChunkMarshaller implements MethodDescriptor.PrototypeMarshaller<ShardSnapshotChunk> {

    public static final ChunkMarshaller INSTANCE = new ChunkMarshaller();

    private static final MethodDescriptor.Marshaller<ShardSnapshotChunk> DEFAULT =
            ProtoUtils.marshaller(ShardSnapshotChunk.getDefaultInstance());

    /** The size of the pooled arrays: a data node's chunk and its message header with room to spare. */
    static final int POOLED = ChunkSender.CHUNK + (64 << 10);
    /** Messages from this size up are read into pooled arrays (a manifest or a short file's tail is not). */
    static final int MIN_POOLED = 256 << 10;
    /** Free arrays kept: a receiver holds {@link ChunkReceiver#PREFETCH} waiting messages and the one it reads. */
    static final int POOL = 12;

    private static final ArrayDeque<byte[]> FREE = new ArrayDeque<>();
    /** Every array the pool made that still exists (identity: arrays do not override equals). */
    private static final Set<byte[]> MADE = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static final AtomicLong ALLOCATED = new AtomicLong();

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
     * parsed and {@code ReadShardSnapshot}'s responses written by this marshaller; every other method
     * as it was.
     */
    @SuppressWarnings("unchecked")
    public static ServerServiceDefinition receivingChunks(ServerServiceDefinition service) {
        ServiceDescriptor sd = service.getServiceDescriptor();
        MethodDescriptor<ShardSnapshotChunk, RestoreShardResponse> restore = restoreShard();
        MethodDescriptor<ReadShardSnapshotRequest, ShardSnapshotChunk> read = readShardSnapshot();
        List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(sd.getName())
                .setSchemaDescriptor(sd.getSchemaDescriptor());
        for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
            if (m.getMethodDescriptor().getFullMethodName().equals(restore.getFullMethodName())) {
                m = ServerMethodDefinition.create(restore,
                        ((ServerMethodDefinition<ShardSnapshotChunk, RestoreShardResponse>) m).getServerCallHandler());
            } else if (m.getMethodDescriptor().getFullMethodName().equals(read.getFullMethodName())) {
                m = ServerMethodDefinition.create(read,
                        ((ServerMethodDefinition<ReadShardSnapshotRequest, ShardSnapshotChunk>) m).getServerCallHandler());
            }
            methods.add(m);
            descriptor.addMethod(m.getMethodDescriptor());
        }
        ServerServiceDefinition.Builder out = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(out::addMethod);
        return out.build();
    }

    /**
     * The default marshaller's bytes; once they were taken (gRPC's framer drains a message as it is
     * sent, a receiver in the same process reads it), a pooled array the chunk's data is in goes back
     * to the pool. Only {@link ChunkSender} on a server's stream puts data in a pooled array: a
     * client's message may be kept for a retry and serialized again.
     */
    @Override
    public InputStream stream(ShardSnapshotChunk value) {
        InputStream bytes = DEFAULT.stream(value);
        return new Sent(bytes, value);
    }

    /** A message's bytes that recycle the chunk's pooled array once taken. */
    private static final class Sent extends InputStream implements io.grpc.Drainable, KnownLength {
        private final InputStream bytes;
        private ShardSnapshotChunk chunk;

        Sent(InputStream bytes, ShardSnapshotChunk chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        private int taken(int n) {
            if (n < 0 && chunk != null) {
                recycle(chunk);
                chunk = null;
            }
            return n;
        }

        @Override
        public int drainTo(java.io.OutputStream target) throws IOException {
            int n = ((io.grpc.Drainable) bytes).drainTo(target);
            taken(-1);
            return n;
        }

        @Override
        public int read() throws IOException {
            return taken(bytes.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : taken(bytes.read(b, off, len));
        }

        @Override
        public int available() throws IOException {
            return bytes.available();
        }

        @Override
        public void close() throws IOException {
            bytes.close();
        }
    }

    @Override
    public ShardSnapshotChunk parse(InputStream stream) {
        try {
            byte[] bytes;
            int size;
            if (stream instanceof KnownLength) {
                size = stream.available();
                bytes = size >= MIN_POOLED && size <= POOLED ? pooled() : new byte[size];
                int n = stream.readNBytes(bytes, 0, size);
                if (n != size || stream.read() != -1) {
                    throw new IOException("message size inaccurate: " + n + " of " + size + " bytes");
                }
            } else {
                bytes = stream.readAllBytes();
                size = bytes.length;
            }
            // The array is this message's alone until recycled: its bytes field may point into it.
            CodedInputStream in = UnsafeByteOperations.unsafeWrap(bytes, 0, size).newCodedInput();
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

    /** A pooled array for a chunk's bytes (given back by {@link #recycle} or when the message is sent). */
    static byte[] pooled() {
        synchronized (FREE) {
            byte[] b = FREE.pollFirst();
            if (b != null) {
                return b;
            }
        }
        byte[] b = new byte[POOLED];
        MADE.add(b);
        ALLOCATED.incrementAndGet();
        return b;
    }

    /**
     * Gives the array {@code chunk} was read into back to the pool: the caller (the chunk's only
     * reader) no longer uses the chunk nor any view of its data. Does nothing for a chunk whose data
     * is not in a pooled array.
     */
    static void recycle(ShardSnapshotChunk chunk) {
        byte[][] backing = {null};
        try {
            UnsafeByteOperations.unsafeWriteTo(chunk.getData(), new ByteOutput() {
                @Override
                public void write(byte value) {
                }

                @Override
                public void write(byte[] value, int offset, int length) {
                }

                @Override
                public void writeLazy(byte[] value, int offset, int length) {
                    backing[0] = value;
                }

                @Override
                public void write(ByteBuffer value) {
                }

                @Override
                public void writeLazy(ByteBuffer value) {
                }
            });
        } catch (IOException e) {
            return; // not thrown by this output
        }
        byte[] b = backing[0];
        if (b == null || b.length != POOLED || !MADE.contains(b)) {
            return;
        }
        synchronized (FREE) {
            if (FREE.size() < POOL && FREE.stream().noneMatch(x -> x == b)) {
                FREE.addFirst(b);
            }
        }
    }

    /** Pooled arrays made since the process started (for tests). */
    static long pooledArraysMade() {
        return ALLOCATED.get();
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
