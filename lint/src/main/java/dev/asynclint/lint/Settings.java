package dev.asynclint.lint;

import dev.asynclint.syntax.PythonVersion;
import java.util.Set;

/**
 * What the user's configuration tells the rules.
 *
 * @param blockingCalls qualified names of the user's blocking functions ({@code blocking-calls})
 * @param asyncClients qualified names of the user's async client classes ({@code async-clients})
 * @param requestHandlerDecorators decorators marking request handlers ({@code
 *     request-handler-decorators})
 */
public record Settings(
    PythonVersion targetVersion,
    Set<String> blockingCalls,
    Set<String> asyncClients,
    Set<String> requestHandlerDecorators) {

  public static final Settings DEFAULT =
      new Settings(PythonVersion.LATEST, Set.of(), Set.of(), Set.of());

  public Settings {
    blockingCalls = Set.copyOf(blockingCalls);
    asyncClients = Set.copyOf(asyncClients);
    requestHandlerDecorators = Set.copyOf(requestHandlerDecorators);
  }
}
