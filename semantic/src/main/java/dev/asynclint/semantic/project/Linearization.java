package dev.asynclint.semantic.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** C3 linearization of the project part of a class hierarchy. */
final class Linearization {
  private Linearization() {}

  static List<ClassInfo> of(ClassInfo cls) {
    List<ClassInfo> c3 =
        c3(cls, new IdentityHashMap<>(), Collections.newSetFromMap(new IdentityHashMap<>()));
    return c3 != null ? c3 : depthFirst(cls);
  }

  private static List<ClassInfo> c3(
      ClassInfo cls, Map<ClassInfo, List<ClassInfo>> done, Set<ClassInfo> active) {
    List<ClassInfo> known = done.get(cls);
    if (known != null) {
      return known;
    }
    if (!active.add(cls)) {
      return null;
    }
    List<List<ClassInfo>> sequences = new ArrayList<>();
    for (ClassInfo base : cls.projectBases()) {
      List<ClassInfo> baseOrder = c3(base, done, active);
      if (baseOrder == null) {
        return null;
      }
      sequences.add(new ArrayList<>(baseOrder));
    }
    sequences.add(new ArrayList<>(cls.projectBases()));
    List<ClassInfo> result = new ArrayList<>();
    result.add(cls);
    while (true) {
      sequences.removeIf(List::isEmpty);
      if (sequences.isEmpty()) {
        break;
      }
      ClassInfo next = null;
      for (List<ClassInfo> sequence : sequences) {
        ClassInfo head = sequence.get(0);
        if (sequences.stream().noneMatch(s -> s.indexOf(head) > 0)) {
          next = head;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      result.add(next);
      for (List<ClassInfo> sequence : sequences) {
        if (sequence.get(0) == next) {
          sequence.remove(0);
        }
      }
    }
    active.remove(cls);
    List<ClassInfo> order = List.copyOf(result);
    done.put(cls, order);
    return order;
  }

  private static List<ClassInfo> depthFirst(ClassInfo cls) {
    Set<ClassInfo> seen = new LinkedHashSet<>();
    visit(cls, seen);
    return List.copyOf(seen);
  }

  private static void visit(ClassInfo cls, Set<ClassInfo> seen) {
    if (seen.add(cls)) {
      for (ClassInfo base : cls.projectBases()) {
        visit(base, seen);
      }
    }
  }
}
