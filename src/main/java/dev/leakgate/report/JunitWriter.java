package dev.leakgate.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** JUnit XML: one test case per scanned target, a failure per finding, for CI dashboards. */
final class JunitWriter implements ReportWriter {
    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Map<String, List<Finding>> byTarget = new LinkedHashMap<>();
        for (String t : report.targets()) {
            byTarget.put(t, new ArrayList<>());
        }
        for (Finding f : report.findings()) {
            byTarget.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        }
        long failures = byTarget.values().stream().filter(l -> !l.isEmpty()).count();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "leakgate");
            x.writeAttribute("tests", Integer.toString(byTarget.size()));
            x.writeAttribute("failures", Long.toString(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("time", String.format("%.3f", report.stats().getMillis() / 1000.0));
            for (Map.Entry<String, List<Finding>> e : byTarget.entrySet()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "leakgate");
                x.writeAttribute("name", e.getKey());
                for (Finding f : e.getValue()) {
                    x.writeStartElement("failure");
                    x.writeAttribute("type", f.kind() + "/" + f.ruleId());
                    x.writeAttribute("message", f.location() + ": " + f.description());
                    x.writeCharacters((f.preview() != null ? f.preview() : f.ruleId())
                            + (f.commit() != null ? " commit " + f.commit() : "")
                            + " fingerprint " + f.fingerprint());
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage());
        }
        out.flush();
    }
}
