import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes a git fast-import stream of a big, realistic history to stdout: a JDK's sources as the
 * first commit, then many commits that edit a few files each, mostly within one folder at a time
 * (as topic work does), with lines taken from other real files. A few generated tokens are planted
 * (one added then removed) so the scanners have provenance work to do.
 *
 * Usage: java GenHistory.java SRC_ZIP COMMITS MIN_BLOB_BYTES | git fast-import
 */
public final class GenHistory {
    public static void main(String[] args) throws IOException {
        String zip = args[0];
        int commits = Integer.parseInt(args[1]);
        long minBytes = Long.parseLong(args[2]);
        Random rnd = new Random(42);
        List<String> paths = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip)) {
            var en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                paths.add(e.getName());
                files.add(z.getInputStream(e).readAllBytes());
            }
        }
        Map<String, List<Integer>> byDir = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            byDir.computeIfAbsent(dir(paths.get(i)), d -> new ArrayList<>()).add(i);
        }
        List<String> dirs = new ArrayList<>(byDir.keySet());
        dirs.sort(null);
        OutputStream out = new BufferedOutputStream(System.out, 1 << 20);
        long when = 1_500_000_000L;
        long written = 0;
        // the first commit: the whole tree
        header(out, "initial import", when);
        for (int i = 0; i < paths.size(); i++) {
            written += modify(out, paths.get(i), files.get(i));
        }
        String hot = dirs.get(0);
        String plantedPath = null;
        for (int c = 1; c < commits || written < minBytes; c++) {
            when += 60 + rnd.nextInt(3600);
            if (rnd.nextInt(10) >= 7) {
                // a new topic: a folder chosen in proportion to its size, as edits land
                hot = dir(paths.get(rnd.nextInt(paths.size())));
            }
            List<Integer> inDir = byDir.get(hot);
            int n = 1 + rnd.nextInt(5);
            header(out, "change " + c + " in " + hot, when);
            for (int k = 0; k < n; k++) {
                int f = inDir.get(rnd.nextInt(inDir.size()));
                files.set(f, edit(files.get(f), files.get(rnd.nextInt(files.size())), rnd));
                written += modify(out, paths.get(f), files.get(f));
            }
            if (c == commits / 5) {
                plantedPath = hot + "/Credentials.properties";
                written += modify(out, plantedPath, ("github.token=" + token(rnd) + "\n").getBytes(StandardCharsets.US_ASCII));
            } else if (c == commits / 5 + 500 && plantedPath != null) {
                out.write(("D " + plantedPath + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (c == commits / 2) {
                int f = inDir.get(0);
                byte[] b = files.get(f);
                byte[] line = ("// ci: GITHUB_TOKEN=" + token(rnd) + "\n").getBytes(StandardCharsets.US_ASCII);
                byte[] nb = Arrays.copyOf(b, b.length + line.length);
                System.arraycopy(line, 0, nb, b.length, line.length);
                files.set(f, nb);
                written += modify(out, paths.get(f), nb);
            }
            out.write('\n');
        }
        out.flush();
        System.err.printf("GenHistory: %d files, %,d bytes of blob content written%n", paths.size(), written);
    }

    private static String dir(String p) {
        int s = p.lastIndexOf('/');
        return s < 0 ? "" : p.substring(0, s);
    }

    private static void header(OutputStream out, String msg, long when) throws IOException {
        byte[] m = msg.getBytes(StandardCharsets.UTF_8);
        String h = "commit refs/heads/main\ncommitter Dev <dev@example.org> " + when + " +0000\ndata " + m.length + "\n";
        out.write(h.getBytes(StandardCharsets.UTF_8));
        out.write(m);
        out.write('\n');
    }

    private static long modify(OutputStream out, String path, byte[] content) throws IOException {
        out.write(("M 100644 inline " + path + "\ndata " + content.length + "\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write('\n');
        return content.length;
    }

    /** Replaces a few lines somewhere in {@code b} with a run of lines from {@code donor}. */
    private static byte[] edit(byte[] b, byte[] donor, Random rnd) {
        int[] lines = lineStarts(b);
        int[] dl = lineStarts(donor);
        int at = rnd.nextInt(lines.length);
        int del = Math.min(rnd.nextInt(6), lines.length - at - 1);
        int from = lines[at];
        int to = del <= 0 ? from : lines[at + del];
        int ds = rnd.nextInt(dl.length);
        int dn = Math.min(1 + rnd.nextInt(12), dl.length - ds - 1);
        int dFrom = dl[ds];
        int dTo = dn <= 0 ? dFrom : dl[ds + dn];
        byte[] nb = new byte[b.length - (to - from) + (dTo - dFrom)];
        System.arraycopy(b, 0, nb, 0, from);
        System.arraycopy(donor, dFrom, nb, from, dTo - dFrom);
        System.arraycopy(b, to, nb, from + (dTo - dFrom), b.length - to);
        return nb;
    }

    private static int[] lineStarts(byte[] b) {
        int n = 1;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        int[] s = new int[n];
        int k = 1;
        for (int i = 0; i < b.length && k < n; i++) {
            if (b[i] == '\n') {
                s[k++] = i + 1;
            }
        }
        return s;
    }

    /** A GitHub classic token with a valid CRC32 tail, made up here so no real one is involved. */
    private static String token(Random rnd) {
        String al = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append(al.charAt(rnd.nextInt(al.length())));
        }
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        char[] t = new char[6];
        for (int i = 5; i >= 0; i--) {
            t[i] = al.charAt((int) (v % 62));
            v /= 62;
        }
        return "ghp_" + body + new String(t);
    }
}
