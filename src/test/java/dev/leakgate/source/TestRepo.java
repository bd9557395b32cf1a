package dev.leakgate.source;

import dev.leakgate.detect.Crc32Base62;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real repository in a temp folder, built with the git CLI (tests only: main code never runs git). */
public final class TestRepo {
    public final Path dir;
    private long clock = 1_700_000_000L;

    public TestRepo(Path dir) {
        this.dir = dir;
    }

    public static TestRepo init(Path dir, String... extra) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestRepo r = new TestRepo(dir);
        List<String> args = new ArrayList<>(List.of("init", "-q", "-b", "main"));
        args.addAll(List.of(extra));
        args.add(".");
        r.git(args.toArray(String[]::new));
        return r;
    }

    public TestRepo write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestRepo write(String path, byte[] content) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TestRepo add(String... paths) {
        List<String> args = new ArrayList<>(List.of("add", "--"));
        args.addAll(List.of(paths));
        git(args.toArray(String[]::new));
        return this;
    }

    /** Stages everything and commits; returns the commit id. */
    public String commitAll(String message) {
        git("add", "-A");
        return commit(message);
    }

    public String commit(String message) {
        git("commit", "-q", "--allow-empty", "-m", message);
        return head();
    }

    public String head() {
        return git("rev-parse", "HEAD").trim();
    }

    public String git(String... args) {
        return run(null, args);
    }

    public String gitInput(byte[] stdin, String... args) {
        return run(stdin, args);
    }

    private String run(byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-c");
        cmd.add("commit.gpgsign=false");
        cmd.add("-c");
        cmd.add("tag.gpgsign=false");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        clock += 60;
        Map<String, String> env = pb.environment();
        env.put("GIT_AUTHOR_NAME", "Test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.org");
        env.put("GIT_COMMITTER_NAME", "Test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.org");
        env.put("GIT_AUTHOR_DATE", clock + " +0000");
        env.put("GIT_COMMITTER_DATE", clock + " +0000");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", dir.toString());
        try {
            Process p = pb.start();
            if (stdin != null) {
                try (OutputStream o = p.getOutputStream()) {
                    o.write(stdin);
                }
            } else {
                p.getOutputStream().close();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            }
            int rc = p.waitFor();
            String s = out.toString(StandardCharsets.UTF_8);
            if (rc != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed (" + rc + "): " + s);
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Secrets made up at test time, valid for the rules' checksum validators. */
    public static final class Secrets {
        private static final String B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        private static final int[] GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

        private Secrets() {
        }

        /** A GitHub classic token with a valid CRC32 tail. */
        public static String ghp() {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                body.append(B62.charAt(dev.leakgate.testing.Tokens.random().nextInt(62)));
            }
            String t = "ghp_" + body + Crc32Base62.encode(Crc32Base62.crc(body.toString()));
            if (!Crc32Base62.valid(t)) {
                throw new IllegalStateException("bad generated token");
            }
            return t;
        }

        /** An age identity with a valid bech32 checksum. */
        public static String age() {
            String hrp = "age-secret-key-";
            int[] data = new int[52];
            for (int i = 0; i < data.length; i++) {
                data[i] = dev.leakgate.testing.Tokens.random().nextInt(32);
            }
            int[] values = new int[hrp.length() * 2 + 1 + data.length + 6];
            int k = 0;
            for (int i = 0; i < hrp.length(); i++) {
                values[k++] = hrp.charAt(i) >> 5;
            }
            values[k++] = 0;
            for (int i = 0; i < hrp.length(); i++) {
                values[k++] = hrp.charAt(i) & 31;
            }
            System.arraycopy(data, 0, values, k, data.length);
            int mod = polymod(values) ^ 1;
            StringBuilder s = new StringBuilder(hrp).append('1');
            for (int d : data) {
                s.append(BECH32.charAt(d));
            }
            for (int i = 0; i < 6; i++) {
                s.append(BECH32.charAt((mod >>> (5 * (5 - i))) & 31));
            }
            return s.toString().toUpperCase(java.util.Locale.ROOT);
        }

        private static int polymod(int[] values) {
            int chk = 1;
            for (int v : values) {
                int top = chk >>> 25;
                chk = (chk & 0x1ffffff) << 5 ^ v;
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) != 0) {
                        chk ^= GEN[i];
                    }
                }
            }
            return chk;
        }
    }
}
