package io.shardline.storage.rocks;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/** Bytes of the regular files under one or two directories (counted once if the same). Stateless. */
final class DirectorySize {

    private DirectorySize() {
    }

    static long of(Path dir, Path walDir) {
        long n = of(dir);
        if (!walDir.normalize().equals(dir.normalize())) {
            n += of(walDir);
        }
        return n;
    }

    /** Bytes of the files directly in {@code dir} whose name ends with {@code suffix}. */
    static long ofFiles(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Bytes of every regular file below {@code dir}. RocksDB deletes files while this walks (flushes,
     * compactions), so a file or directory that vanishes mid-walk is simply not counted.
     */
    static long of(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }
}
