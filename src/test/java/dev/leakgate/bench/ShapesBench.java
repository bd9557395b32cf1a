package dev.leakgate.bench;

import dev.leakgate.detect.BuiltinRules;
import dev.leakgate.detect.Detector;
import dev.leakgate.testing.Tokens;
import java.io.IOException;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Input shapes that must not make a scan quadratic (issues 9 and 10): one 50 MB line, 100,000
 * short lines each holding a keyword, 200,000 findings in one file, 20,000 SSH public keys one per
 * line. Writes each shape to a folder and prints the detector's CPU time on it (one thread, median
 * of runs); {@code src/bench/shapes.sh} then times the whole CLI on the files. Not a test.
 *
 * <p>Arguments: DIR [runs (3)] [scale (1.0): shrinks or grows every shape].
 */
public final class ShapesBench {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ShapesBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        Files.createDirectories(dir);
        Tokens.seed(42);
        Random random = new Random(42);
        List<Path> files = new ArrayList<>();
        files.add(write(dir.resolve("one-line-50MB.js"), oneLongLine(random, (long) (50_000_000 * scale))));
        files.add(write(dir.resolve("keyword-lines-100k.env"), keywordLines(random, (int) (100_000 * scale))));
        files.add(write(dir.resolve("findings-200k.txt"), findings((int) (200_000 * scale))));
        files.add(write(dir.resolve("ssh-keys-20k.pub"), sshKeys((int) (20_000 * scale))));
        Detector detector = new Detector(BuiltinRules.load());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Path f : files) {
            byte[] content = Files.readAllBytes(f);
            detector.scan(Arrays.copyOf(content, Math.min(content.length, 2_000_000))); // warm-up
            double[] cpu = new double[runs];
            int matches = 0;
            for (int run = 0; run < runs; run++) {
                long c0 = threads.getCurrentThreadCpuTime();
                matches = detector.scan(content).size();
                cpu[run] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            }
            Arrays.sort(cpu);
            System.out.printf("%-24s %7.1f MB  detector %7.2f s cpu (median of %d)  %d matches%n", f.getFileName(),
                    content.length / 1e6, cpu[runs / 2], runs, matches);
        }
    }

    /** Minified-looking code on one line, with a keyword-bearing assignment (many a secret) every ~2 KB. */
    private static byte[] oneLongLine(Random r, long size) {
        StringBuilder b = new StringBuilder((int) size + 4096);
        String[] names = {"apiKey", "token", "client_secret", "password", "auth", "accessKey", "secret_key", "privateKey",
            "sessionToken", "x-api-key", "bearer", "webhook"};
        int i = 0;
        while (b.length() < size) {
            b.append("var a").append(i).append("=function(e,t){return e+t*").append(i % 97).append("};");
            if (i % 40 == 0) {
                String name = names[r.nextInt(names.length)];
                switch (r.nextInt(5)) {
                    case 0 -> b.append("cfg.").append(name).append("=\"").append(random(r, 32)).append("\";");
                    case 1 -> b.append("{").append(name).append(":\"").append(random(r, 24)).append("\"},");
                    case 2 -> b.append("fetch(\"https://api.example.org/v1?").append(name).append('=').append(random(r, 40))
                            .append("\");");
                    case 3 -> b.append("t=\"").append(Tokens.githubPat()).append("\";");
                    default -> b.append("h[\"Authorization\"]=\"Bearer ").append(random(r, 48)).append("\";");
                }
            }
            i++;
        }
        b.append('\n');
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Short lines, each with a keyword some rule looks for and a short value that is rarely a secret. */
    private static byte[] keywordLines(Random r, int lines) {
        String[] keys = {"TOKEN", "API_KEY", "SECRET", "PASSWORD", "AUTH_URL", "PRIVATE_KEY_PATH", "DB_PASSWORD_FILE",
            "SLACK_WEBHOOK", "AWS_REGION", "GITHUB_USER"};
        StringBuilder b = new StringBuilder(lines * 24);
        for (int i = 0; i < lines; i++) {
            String value = r.nextInt(10) == 0 ? random(r, 20) : "${VALUE_" + i + "}";
            b.append(keys[i % keys.length]).append('_').append(i).append('=').append(value).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One finding per line, the same few secrets (fingerprints are salted slow hashes, cached per secret). */
    private static byte[] findings(int lines) {
        String[] secrets = {Tokens.githubPat(), Tokens.awsAccessKeyId(), Tokens.githubPat(), Tokens.awsAccessKeyId()};
        StringBuilder b = new StringBuilder(lines * 48);
        for (int i = 0; i < lines; i++) {
            b.append(i % 2 == 0 ? "token: " : "key_id: ").append(secrets[i % secrets.length]).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One SSH RSA public key per line (a known_hosts or authorized_keys of a large fleet), a few keys repeated. */
    private static byte[] sshKeys(int lines) {
        String[] keys = new String[8];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = Tokens.sshRsaPublicKey(2048);
        }
        StringBuilder b = new StringBuilder(lines * 400);
        for (int i = 0; i < lines; i++) {
            b.append(keys[i % keys.length]).append(" host-").append(i).append(".fleet.internal\n");
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String random(Random r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        }
        return b.toString();
    }

    private static Path write(Path file, byte[] content) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }
}
