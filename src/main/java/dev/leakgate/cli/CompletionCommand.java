package dev.leakgate.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a completion script for bash or zsh (install --user puts both in place).",
            "",
            "bash: source <(leakgate completion bash); zsh: save it as _leakgate in a folder on $fpath."})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { BASH, ZSH }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    String shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Shell sh;
        try {
            sh = Shell.valueOf(shell.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no completion for shell '" + shell + "': bash or zsh");
        }
        spec.commandLine().getOut().print(script(sh));
        spec.commandLine().getOut().flush();
        return Main.CLEAN;
    }

    /**
     * picocli's completion script, from the whole command line. zsh runs the same script through
     * its bash emulation (bashcompinit), from a file on $fpath that compinit loads as the
     * function _leakgate: the first completion loads it, registers the bash completion for
     * leakgate, and hands itself to it.
     */
    static String script(Shell shell) {
        String bash = AutoComplete.bash("leakgate", Main.commandLine());
        if (shell == Shell.BASH) {
            return bash;
        }
        return "#compdef leakgate\n"
                + "# zsh completion for leakgate: picocli's bash completion through zsh's bashcompinit.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                // The script aliases compopt for zsh, but an alias defined in a function body (this
                // file, as compinit loads it) comes too late for the functions defined beside it.
                + "(( $+functions[compopt] )) || compopt() { : }\n"
                + bash.replaceFirst("^#![^\n]*\n", "")
                + "\n# Loaded by compinit for a completion under way: complete it now.\n"
                + "if [[ -n $words ]]; then\n"
                + "  _bash_complete -F _complete_leakgate -o default\n"
                + "fi\n";
    }
}
