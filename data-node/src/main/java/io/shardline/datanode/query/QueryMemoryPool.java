package io.shardline.datanode.query;

import io.grpc.Context;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.query.exec.QueryMemory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap a data node lets its queries hold at once (a quarter of the maximum heap by default):
 * every query, and every part of a query this node runs for another coordinator, has an
 * {@link Account} in its context that the engine charges before it materialises buckets, cells or
 * rows ({@link QueryMemory}). A query that would go past the pool fails with
 * {@code query memory limit exceeded} instead of taking the node down with an OutOfMemoryError;
 * everything it held comes back when it ends. Charging also looks, now and then, whether the query
 * was stopped. Thread-safe.
 */
public final class QueryMemoryPool {

    static final Context.Key<Account> ACCOUNT = Context.key("shardline-query-memory");

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    /** @param limit bytes all queries together may hold (0 = no limit) */
    public QueryMemoryPool(long limit) {
        this.limit = limit;
    }

    /** A quarter of the largest heap. */
    public static long defaultLimit() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** Points the query engine at the account of the current context; once per process is enough. */
    public static void install() {
        QueryMemory.install(() -> {
            Account a = ACCOUNT.get();
            return a == null ? bytes -> { } : a;
        });
    }

    /** A new account, to be closed when its query (or query part) ends. */
    public Account open() {
        return new Account();
    }

    /** Bytes held by queries now. */
    public long used() {
        return used.get();
    }

    /** One query's (or query part's) share. Thread-safe: the threads of one query charge it together. */
    public final class Account implements QueryMemory.Account, AutoCloseable {

        private final AtomicLong held = new AtomicLong();
        private final AtomicLong charges = new AtomicLong();

        private Account() {
        }

        @Override
        public void reserve(long bytes) {
            if ((charges.incrementAndGet() & 1023) == 0) {
                QueryInterrupts.check();
            }
            while (true) {
                long now = used.get();
                long next = now + bytes;
                if (limit > 0 && (next > limit || next < 0)) {
                    throw new ShardlineException(ErrorCode.LIMIT_EXCEEDED, "query memory limit exceeded: queries on"
                            + " this data node may hold " + limit + " bytes at once");
                }
                if (used.compareAndSet(now, next)) {
                    held.addAndGet(bytes);
                    return;
                }
            }
        }

        /** Gives back everything this account held. */
        @Override
        public void close() {
            used.addAndGet(-held.getAndSet(0));
        }

        /** {@code context} with this account as the one the engine charges. */
        public Context attachTo(Context context) {
            return context.withValue(ACCOUNT, this);
        }
    }
}
