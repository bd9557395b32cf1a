package dev.leakgate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Build step (Maven process-classes): writes the man page, leakgate(1), from the command line's
 * own model, so it says what {@code --help} says. picocli's ManPageGenerator writes AsciiDoc, which
 * only Asciidoctor (Ruby) turns into the troff man reads; this writes troff (man(7) macros)
 * directly.
 *
 * <p>Usage: {@code ManPage OUTPUT}.
 */
public final class ManPage {
    /** Where the page lives in the jar, for install --user. */
    static final String RESOURCE = "man/leakgate.1";

    private final StringBuilder out = new StringBuilder();

    private ManPage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ManPage OUTPUT");
            System.exit(2);
        }
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, render(Main.commandLine()), StandardCharsets.UTF_8);
    }

    static String render(CommandLine cl) {
        ManPage page = new ManPage();
        page.page(cl);
        return page.out.toString();
    }

    private void page(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        String[] version = spec.version();
        try {
            version = spec.versionProvider() != null ? spec.versionProvider().getVersion() : version;
        } catch (Exception e) {
            // the version line is a nicety of the header
        }
        line(".TH LEAKGATE 1 \"\" " + quoted(version.length > 0 ? version[0] : "leakgate") + " \"User Commands\"");
        line(".SH NAME");
        text("leakgate \\- " + escape(String.join(" ", spec.usageMessage().description())));
        line(".SH SYNOPSIS");
        line(".B leakgate");
        text("\\fICOMMAND\\fR [\\fIOPTIONS\\fR]");
        line(".SH DESCRIPTION");
        text("leakgate answers one question in three places: does anything that must never be public appear in"
                + " what git holds or is about to hold? As a pre-commit hook (\\fBstaged\\fR), as a publish gate in"
                + " CI or a pre-push hook (\\fBgate\\fR), and over a whole history (\\fBaudit\\fR). It reports"
                + " secrets, key inventory on the public surface, and files under secrets paths that are no valid"
                + " age or sops envelope. No output ever contains a matched value.");
        line(".SH COMMANDS");
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            if (!(sub.getValue().getCommand() instanceof CommandLine.HelpCommand)) {
                command(sub.getValue());
            }
        }
        exitCodes(spec);
        line(".SH ENVIRONMENT");
        item("LEAKGATE_JAR", "The jar the hooks and the leakgate command run (default: git config leakgate.jar in a hook,"
                + " then ~/.local/share/leakgate/leakgate.jar).");
        item("LEAKGATE_JAVA_OPTS", "JVM options added last to those the hooks and the leakgate command choose.");
        item("JAVA_HOME", "The JDK (17 or later) the hooks and the leakgate command run; else java on PATH.");
        item("NO_COLOR", "When set, reports are not coloured on a terminal.");
        item("XDG_DATA_HOME", "Where install --user puts the jar, completion and man page (default: ~/.local/share).");
        line(".SH FILES");
        item(".leakgate.yaml", "The policy, at the top of the work tree: secrets paths, public surface, allowed paths,"
                + " values and fingerprints, a baseline, disabled and extra rules.");
        item("~/.local/share/leakgate/leakgate.jar", "The jar install --user copies; the class-data archives the hooks"
                + " make are kept beside it.");
        item("~/.local/bin/leakgate", "The launcher install --user writes.");
        line(".SH SEE ALSO");
        text("\\fBgit\\fR(1), \\fBgithooks\\fR(5), \\fBsops\\fR(1), \\fBage\\fR(1)");
    }

    private void command(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        line(".SS " + quoted(spec.qualifiedName()));
        line(".nf");
        for (String l : help.synopsis(0).stripTrailing().split("\n")) {
            line(escape(l));
        }
        line(".fi");
        line(".PP");
        text(escape(help.description().strip().replaceAll("\\s+", " ")));
        List<String[]> args = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                args.add(new String[] {"\\fI" + escape(p.paramLabel()) + "\\fR", description(p.description())});
            }
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String n : o.names()) {
                names.add("\\fB" + escape(n) + "\\fR");
            }
            String label = o.typeInfo().isBoolean() || o.arity().max() == 0 ? "" : " \\fI" + escape(o.paramLabel()) + "\\fR";
            args.add(new String[] {String.join(", ", names) + label, description(o.description())});
        }
        for (String[] a : args) {
            line(".TP");
            line(a[0]);
            text(a[1]);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            command(sub);
        }
    }

    private void exitCodes(CommandSpec spec) {
        line(".SH EXIT STATUS");
        for (Map.Entry<String, String> e : spec.usageMessage().exitCodeList().entrySet()) {
            item(e.getKey().strip(), e.getValue().strip());
        }
    }

    private static String description(String[] lines) {
        return escape(String.join(" ", lines).replace("%n", " ").replaceAll("\\s+", " ").strip());
    }

    private void item(String tag, String body) {
        line(".TP");
        line("\\fB" + escape(tag) + "\\fR");
        text(escape(body));
    }

    /** Running text: a line that would start with a control character is guarded. */
    private void text(String s) {
        line(s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private static String quoted(String s) {
        return "\"" + escape(s).replace("\"", "\\(dq") + "\"";
    }

    /** troff's own characters: the backslash, and '-', which man renders as a hyphen unless escaped. */
    static String escape(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }
}
