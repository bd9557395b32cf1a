package dev.leakgate.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, for CI dashboards: one test case per scanned target, failed (one failure element
 * listing its findings) when it has findings, and one skipped test case per thing the run
 * passed over. {@code tests}, {@code failures} and {@code skipped} count exactly the elements
 * written.
 */
final class JunitWriter implements ReportWriter {
    @Override
    public void write(Report report, OutputStream out, Style style) throws IOException {
        Map<String, List<Finding>> byTarget = new LinkedHashMap<>();
        for (String t : report.targets()) {
            byTarget.put(t, null);
        }
        Map<String, List<Finding>> found = new HashMap<>();
        for (Finding f : report.findings()) {
            found.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
            byTarget.putIfAbsent(f.path(), null);
        }
        List<Skip> skips = report.stats().skips();
        // Some CI servers reject a report with no test case: a run with nothing to read says so in one.
        boolean nothing = byTarget.isEmpty() && skips.isEmpty();
        int tests = nothing ? 1 : byTarget.size() + skips.size();
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buffered, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Integer.toString(found.size()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Integer.toString(skips.size()));
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "leakgate");
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Integer.toString(found.size()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Integer.toString(skips.size()));
            x.writeAttribute("time", seconds(report.stats().getMillis()));
            if (nothing) {
                x.writeCharacters("\n  ");
                x.writeEmptyElement("testcase");
                x.writeAttribute("classname", "leakgate");
                x.writeAttribute("name", "nothing to scan");
            }
            for (String target : byTarget.keySet()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "leakgate");
                x.writeAttribute("name", target);
                List<Finding> fs = found.get(target);
                if (fs != null) {
                    failure(x, fs);
                }
                x.writeEndElement();
            }
            for (Skip s : skips) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "leakgate");
                x.writeAttribute("name", s.path());
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", s.reason().label());
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            // The writer wraps the stream's own failure (a full disk): that is the one to report.
            for (Throwable c = e; c != null; c = c.getCause() != null ? c.getCause() : nested(c)) {
                if (c instanceof IOException io) {
                    throw io;
                }
            }
            throw new IOException("cannot write JUnit XML: " + e.getMessage());
        }
        buffered.flush();
    }

    private static Throwable nested(Throwable t) {
        return t instanceof XMLStreamException x && x.getNestedException() != t ? x.getNestedException() : null;
    }

    /** One failure per failed target (what most JUnit readers expect), naming each finding. */
    private static void failure(XMLStreamWriter x, List<Finding> fs) throws XMLStreamException {
        Finding first = fs.get(0);
        x.writeStartElement("failure");
        x.writeAttribute("type", fs.size() == 1 ? first.kind() + "/" + first.ruleId() : "leakgate");
        x.writeAttribute("message", fs.size() == 1 ? first.location() + ": " + first.description()
                : fs.size() + " findings in " + first.path());
        StringBuilder body = new StringBuilder();
        for (Finding f : fs) {
            body.append(f.location()).append("  ").append(f.kind()).append('/').append(f.ruleId()).append("  ")
                    .append(f.preview() != null ? f.preview() + "  " + f.description() : f.description());
            if (f.commit() != null) {
                body.append("  commit ").append(f.commit());
            }
            body.append("  fingerprint ").append(f.fingerprint()).append('\n');
        }
        x.writeCharacters(body.toString());
        x.writeEndElement();
    }

    /** Seconds with three decimals and a '.', whatever the locale (String.format would use a ',' in some). */
    static String seconds(long millis) {
        String ms = Long.toString(1000 + millis % 1000);
        return millis / 1000 + "." + ms.substring(1);
    }
}
