package dev.asynclint.syntax.ast;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The visitor covers every node record, and every record is a node. */
class VisitorCoverageTest {
  private static List<Class<?>> nodeRecords() {
    List<Class<?>> records = new ArrayList<>();
    for (Class<?> family : List.of(Expr.class, Stmt.class, Pattern.class, TypeParam.class)) {
      for (Class<?> permitted : family.getPermittedSubclasses()) {
        records.add(permitted);
      }
    }
    records.addAll(
        List.of(
            Arguments.class,
            Arg.class,
            Keyword.class,
            Alias.class,
            WithItem.class,
            MatchCase.class,
            Comprehension.class,
            ExceptHandler.class));
    return records;
  }

  @Test
  void everyNodeRecordHasAVisitMethod() {
    Set<Class<?>> visited = new HashSet<>();
    for (Method method : Visitor.class.getDeclaredMethods()) {
      assertThat(method.getParameterCount()).isEqualTo(1);
      visited.add(method.getParameterTypes()[0]);
    }
    List<Class<?>> records = nodeRecords();
    assertThat(visited).containsExactlyInAnyOrderElementsOf(records);
  }

  @Test
  void everyNodeIsAnImmutableRecord() {
    for (Class<?> record : nodeRecords()) {
      assertThat(record.isRecord()).as(record.getName()).isTrue();
      assertThat(Node.class.isAssignableFrom(record)).as(record.getName()).isTrue();
    }
  }

  @Test
  void theFamiliesMirrorCpythonsNodeCounts() {
    // CPython 3.13's ast: 27 expression kinds, 28 statement kinds, 8 patterns, 3 type params.
    assertThat(Expr.class.getPermittedSubclasses()).hasSize(27);
    assertThat(Stmt.class.getPermittedSubclasses()).hasSize(28);
    assertThat(Pattern.class.getPermittedSubclasses()).hasSize(8);
    assertThat(TypeParam.class.getPermittedSubclasses()).hasSize(3);
  }
}
