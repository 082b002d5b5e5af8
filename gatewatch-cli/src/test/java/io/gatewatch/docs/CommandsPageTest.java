package io.gatewatch.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewatch.cli.Gatewatch;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/commands.md names every option the command line accepts, each in its command's section
 * ({@code ## run}; a subcommand such as {@code rules check} in its parent's). The options are read
 * from picocli's model of {@code ./gatewatch}, so an option added to a command fails this until the
 * page documents it. picocli's standard {@code --help} and {@code --version} are left out: the page
 * names {@code COMMAND --help} once, at its top.
 */
class CommandsPageTest {

    private static final Pattern SECTION = Pattern.compile("^## (\\S+)\\s*$");

    @Test
    void everyOptionOfEveryCommandIsInItsCommandsSection() throws IOException {
        Map<String, String> sections = sections();
        List<String> missing = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (CommandLine command : Gatewatch.commandLine().getSubcommands().values()) {
            if (command.getCommand() instanceof CommandLine.HelpCommand) {
                continue; // picocli's own `help COMMAND`, the same as COMMAND --help
            }
            String name = command.getCommandName();
            String section = sections.get(name);
            if (section == null) {
                missing.add(name + ": no '## " + name + "' section");
                continue;
            }
            walk(command, name, section, missing, checked);
        }
        assertThat(checked).as("options read from the command line (else the walk found none)").hasSizeGreaterThan(20);
        assertThat(missing).as("options the page docs/commands.md does not name").isEmpty();
    }

    /** Checks this command's options, then its subcommands', against the top-level command's section. */
    private static void walk(CommandLine command, String path, String section, List<String> missing, List<String> checked) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            for (String name : option.names()) {
                checked.add(path + " " + name);
                if (!mentions(section, name, option.negatable())) {
                    missing.add(path + " " + name);
                }
            }
        }
        command.getSubcommands().forEach((name, sub) -> walk(sub, path + " " + name, section, missing, checked));
    }

    /** Whether the text names the option as a whole word: {@code --rate} is not found in {@code --rate-limit}. */
    private static boolean mentions(String section, String name, boolean negatable) {
        String quoted = Pattern.quote(name);
        if (negatable && name.startsWith("--")) {
            quoted = "(?:" + quoted + "|--\\[no-\\]" + Pattern.quote(name.substring(2)) + ")"; // --[no-]noise
        }
        return Pattern.compile("(?<![\\w-])" + quoted + "(?![\\w-])").matcher(section).find();
    }

    /** Each {@code ## command} section's text, up to the next such heading. */
    private static Map<String, String> sections() throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(RepositoryRoot.find().resolve("docs/commands.md"))) {
            var heading = SECTION.matcher(line);
            if (heading.matches()) {
                if (current != null) {
                    sections.put(current, text.toString());
                }
                current = heading.group(1);
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, text.toString());
        }
        return sections;
    }
}
