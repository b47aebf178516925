package dev.catcafe.model.testing;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Pins the options of a picocli command the way Trino's {@code ConfigAssertions} pins a config
 * class: {@link #assertRecordedDefaults} fails when an option is added, removed or renamed, or its
 * default changes, without the test recording it; {@link #assertFullMapping} fails unless setting
 * every option to a non-default value reaches the typed config.
 *
 * <p>Defaults are read as declared, with no environment variable set ({@code ${env:NAME:-fallback}}
 * is its fallback; {@code ${sys:name}} is the system property), so the tests pass the same on a
 * laptop with {@code platform.env} sourced and in CI. Options are named by their longest name, e.g.
 * {@code --kafka-bootstrap-servers}; mixins' options are included, the standard {@code --help} and
 * {@code --version} are not.
 */
public final class ConfigAssertions {
  /** The recorded default of an option declared without one. */
  public static final String NO_DEFAULT = "<no default>";

  private ConfigAssertions() {}

  /**
   * {@link #assertRecordedDefaults(Object, Map)} with the defaults as a {@link #table}: one line an
   * option, its name then its default; a name alone means no default, {@code ""} the empty string.
   */
  public static void assertRecordedDefaults(Object command, String recordedDefaults) {
    assertRecordedDefaults(command, table(recordedDefaults));
  }

  /**
   * Fails unless {@code command}'s options are exactly the keys of {@code recordedDefaults}, each
   * declares the recorded default, and every {@link Duration} option reads its value with {@link
   * Durations.Converter}, so all commands accept the same duration forms.
   */
  public static void assertRecordedDefaults(Object command, Map<String, String> recordedDefaults) {
    requireNonNull(recordedDefaults, "recordedDefaults is null");
    List<OptionSpec> options = options(command);
    Map<String, String> declared = declaredDefaults(options);
    assertThat(declared.keySet())
        .as("options of %s (record the default of every option)", commandName(command))
        .containsExactlyInAnyOrderElementsOf(recordedDefaults.keySet());
    assertThat(declared)
        .as("defaults of %s", commandName(command))
        .containsExactlyInAnyOrderEntriesOf(recordedDefaults);
    for (OptionSpec option : options) {
      if (option.type() == Duration.class) {
        assertThat(option.converters())
            .as("converter of %s (every duration option uses Durations)", option.longestName())
            .hasAtLeastOneElementOfType(Durations.Converter.class);
      }
    }
  }

  /**
   * {@link #assertFullMapping(Supplier, Map, Function, Object)} with the arguments as a {@link
   * #table}: one line an option, its name then its value.
   */
  public static <C> void assertFullMapping(
      Supplier<C> newCommand, String arguments, Function<? super C, ?> config, Object expected) {
    assertFullMapping(newCommand, table(arguments), config, expected);
  }

  /**
   * Parses {@code arguments} (option name to value, one entry per option of the command, each value
   * different from the option's default) into a fresh command and fails unless {@code config} of it
   * equals {@code expected}. A boolean option is given as {@code --flag} for {@code true} and as
   * {@code --no-flag} for {@code false}.
   */
  public static <C> void assertFullMapping(
      Supplier<C> newCommand,
      Map<String, String> arguments,
      Function<? super C, ?> config,
      Object expected) {
    assertFullMapping(newCommand, config, new Mapping(arguments, expected));
  }

  /**
   * {@link #assertFullMapping(Supplier, Map, Function, Object)} for a command with options that
   * exclude each other: each mapping is parsed on its own, and every option must be set (to a
   * non-default value) in at least one of them.
   */
  public static <C> void assertFullMapping(
      Supplier<C> newCommand, Function<? super C, ?> config, Mapping... mappings) {
    requireNonNull(newCommand, "newCommand is null");
    requireNonNull(config, "config is null");
    C command = newCommand.get();
    List<OptionSpec> options = options(command);
    Map<String, String> defaults = declaredDefaults(options);
    Set<String> mapped = new TreeSet<>();
    for (Mapping mapping : mappings) {
      mapped.addAll(mapping.arguments().keySet());
    }
    assertThat(mapped)
        .as("options of %s (map every option)", commandName(command))
        .containsExactlyInAnyOrderElementsOf(defaults.keySet());
    for (Mapping mapping : mappings) {
      List<String> args = new ArrayList<>();
      for (OptionSpec option : options) {
        String name = option.longestName();
        String value = mapping.arguments().get(name);
        if (value != null) {
          assertThat(value)
              .as("value of %s (must differ from its default)", name)
              .isNotEqualTo(defaults.get(name));
          args.add(argument(option, value));
        }
      }
      C parsed = parseWithoutEnvironment(newCommand.get(), args.toArray(String[]::new));
      assertThat(config.apply(parsed))
          .as("config of %s", String.join(" ", args))
          .isEqualTo(mapping.expected());
    }
  }

  /** Options set on one command line, and the config they must give. */
  public record Mapping(Map<String, String> arguments, Object expected) {
    public Mapping {
      arguments = Map.copyOf(requireNonNull(arguments, "arguments is null"));
      requireNonNull(expected, "expected is null");
    }

    /** The arguments as a {@link ConfigAssertions#table}. */
    public Mapping(String arguments, Object expected) {
      this(table(arguments), expected);
    }
  }

  /**
   * Reads a table of options, one a line: the option name, white space, then its value to the end
   * of the line ({@code ${sys:...}} resolved as in {@link #resolveWithoutEnvironment}). A name
   * alone stands for {@link #NO_DEFAULT}; {@code ""} for the empty string. Tables read like {@code
   * --help}, and keep the recorded values out of code.
   */
  public static Map<String, String> table(String text) {
    Map<String, String> entries = new TreeMap<>();
    for (String line : requireNonNull(text, "text is null").strip().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] nameAndValue = line.strip().split("\\s+", 2);
      String value = nameAndValue.length == 1 ? NO_DEFAULT : nameAndValue[1].strip();
      String previous =
          entries.put(
              nameAndValue[0], value.equals("\"\"") ? "" : resolveWithoutEnvironment(value));
      assertThat(previous).as("%s listed twice", nameAndValue[0]).isNull();
    }
    return entries;
  }

  /**
   * For a config read from environment variables, Trino's full mapping: {@code fromEnvironment} of
   * {@code environment} (every variable set to a non-default value) must equal {@code expected},
   * and must read exactly the variables of {@code environment}, so a variable added to the config
   * without being mapped here fails.
   */
  public static <T> void assertFullEnvironmentMapping(
      Function<Map<String, String>, T> fromEnvironment,
      Map<String, String> environment,
      T expected) {
    requireNonNull(fromEnvironment, "fromEnvironment is null");
    RecordingEnvironment recording = new RecordingEnvironment(environment);
    assertThat(fromEnvironment.apply(recording))
        .as("config of %s", environment)
        .isEqualTo(expected);
    assertThat(recording.read)
        .as("variables read (map every variable)")
        .containsExactlyInAnyOrderElementsOf(environment.keySet());
    RecordingEnvironment empty = new RecordingEnvironment(Map.of());
    T defaults = fromEnvironment.apply(empty);
    assertThat(empty.read).as("variables read without any set").isEqualTo(recording.read);
    assertThat(defaults)
        .as("defaults (every variable must change the config)")
        .isNotEqualTo(expected);
  }

  /** An environment that remembers which variables were asked for. */
  private static final class RecordingEnvironment extends HashMap<String, String> {
    private final Set<String> read = new TreeSet<>();

    private RecordingEnvironment(Map<String, String> variables) {
      super(requireNonNull(variables, "variables is null"));
    }

    @Override
    public String get(Object variable) {
      read.add((String) variable);
      return super.get(variable);
    }

    @Override
    public String getOrDefault(Object variable, String fallback) {
      read.add((String) variable);
      return super.getOrDefault(variable, fallback);
    }

    @Override
    public boolean containsKey(Object variable) {
      read.add((String) variable);
      return super.containsKey(variable);
    }
  }

  /**
   * Parses {@code args} into {@code command} as if no environment variable were set: options not
   * given take their declared fallback, not the value of the machine's environment.
   */
  public static <C> C parseWithoutEnvironment(C command, String... args) {
    return parseWithEnvironment(command, Map.of(), args);
  }

  /**
   * Parses {@code args} into {@code command} as if {@code environment} were the whole environment:
   * what a job would read in a pod given those variables.
   */
  public static <C> C parseWithEnvironment(
      C command, Map<String, String> environment, String... args) {
    requireNonNull(environment, "environment is null");
    CommandLine commandLine = new CommandLine(command);
    Map<String, String> defaults = new TreeMap<>();
    for (OptionSpec option : options(commandLine)) {
      String declared = option.defaultValue();
      defaults.put(
          option.longestName(), declared == null ? NO_DEFAULT : resolve(declared, environment));
    }
    commandLine.setDefaultValueProvider(
        argument ->
            argument instanceof OptionSpec option
                    && !NO_DEFAULT.equals(defaults.get(option.longestName()))
                ? defaults.get(option.longestName())
                : null);
    commandLine.parseArgs(args);
    return command;
  }

  /**
   * {@code text} with every {@code ${env:NAME:-fallback}} replaced by its fallback and every {@code
   * ${sys:name}} by the system property: the default as declared, for no environment.
   */
  public static String resolveWithoutEnvironment(String text) {
    return resolve(text, Map.of());
  }

  /** The environment variables the defaults of {@code command}'s options read. */
  public static Set<String> environmentVariables(Object command) {
    Set<String> variables = new TreeSet<>();
    Pattern variable = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)");
    for (OptionSpec option : options(command)) {
      if (option.defaultValue() != null) {
        variable.matcher(option.defaultValue()).results().forEach(m -> variables.add(m.group(1)));
      }
    }
    return variables;
  }

  private static String resolve(String text, Map<String, String> environment) {
    StringBuilder resolved = new StringBuilder();
    int position = 0;
    while (position < text.length()) {
      int start = text.indexOf("${", position);
      if (start < 0) {
        resolved.append(text, position, text.length());
        break;
      }
      resolved.append(text, position, start);
      int end = closingBrace(text, start + 2);
      resolved.append(lookUp(text.substring(start + 2, end), environment));
      position = end + 1;
    }
    return resolved.toString();
  }

  private static String lookUp(String expression, Map<String, String> environment) {
    int fallbackAt = expression.indexOf(":-");
    String key = fallbackAt < 0 ? expression : expression.substring(0, fallbackAt);
    if (key.startsWith("env:") && environment.get(key.substring(4)) != null) {
      return environment.get(key.substring(4));
    }
    if (key.startsWith("sys:") && System.getProperty(key.substring(4)) != null) {
      return System.getProperty(key.substring(4));
    }
    if (fallbackAt < 0) {
      throw new AssertionError("${%s} has no fallback: declare one".formatted(expression));
    }
    return resolve(expression.substring(fallbackAt + 2), environment);
  }

  private static int closingBrace(String text, int from) {
    int depth = 1;
    for (int index = from; index < text.length(); index++) {
      if (text.startsWith("${", index)) {
        depth++;
        index++;
      } else if (text.charAt(index) == '}' && --depth == 0) {
        return index;
      }
    }
    throw new AssertionError("unclosed ${ in " + text);
  }

  private static String argument(OptionSpec option, String value) {
    boolean flag =
        (option.type() == boolean.class || option.type() == Boolean.class)
            && option.arity().max() == 0;
    if (!flag) {
      return option.longestName() + "=" + value;
    }
    if (value.equals("true")) {
      return option.longestName();
    }
    assertThat(value).as("value of the flag %s", option.longestName()).isEqualTo("false");
    assertThat(option.negatable()).as("%s is negatable", option.longestName()).isTrue();
    return "--no-" + option.longestName().substring(2);
  }

  private static Map<String, String> declaredDefaults(List<OptionSpec> options) {
    Map<String, String> defaults = new TreeMap<>();
    for (OptionSpec option : options) {
      String declared = option.defaultValue();
      defaults.put(
          option.longestName(),
          declared == null ? NO_DEFAULT : resolveWithoutEnvironment(declared));
    }
    return defaults;
  }

  private static List<OptionSpec> options(Object command) {
    return options(new CommandLine(requireNonNull(command, "command is null")));
  }

  /** The command's options with their defaults as declared: variables are left to this class. */
  private static List<OptionSpec> options(CommandLine commandLine) {
    CommandSpec spec = commandLine.getCommandSpec();
    spec.interpolateVariables(false);
    spec.mixins().values().forEach(mixin -> mixin.interpolateVariables(false));
    return spec.options().stream()
        .filter(option -> !option.usageHelp() && !option.versionHelp())
        .toList();
  }

  private static String commandName(Object command) {
    return command.getClass().getSimpleName();
  }
}
