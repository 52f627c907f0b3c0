package dev.asynclint.semantic.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * C3 linearization of the project part of a class hierarchy. The linearizations made are kept and
 * serve the classes derived from them, so that one instance used for every class of a project makes
 * each linearization once.
 */
final class Linearization {
  private final Map<ClassInfo, List<ClassInfo>> done = new IdentityHashMap<>();

  /** The class's MRO: by C3, or depth first when C3 fails (a cycle or an inconsistent order). */
  List<ClassInfo> of(ClassInfo cls) {
    List<ClassInfo> c3 = c3(cls, Collections.newSetFromMap(new IdentityHashMap<>()));
    return c3 != null ? c3 : depthFirst(cls);
  }

  private List<ClassInfo> c3(ClassInfo cls, Set<ClassInfo> active) {
    List<ClassInfo> known = done.get(cls);
    if (known != null) {
      return known;
    }
    if (!active.add(cls)) {
      return null;
    }
    List<ClassInfo> bases = cls.projectBases();
    List<List<ClassInfo>> sequences = new ArrayList<>();
    for (ClassInfo base : bases) {
      List<ClassInfo> baseOrder = c3(base, active);
      if (baseOrder == null) {
        return null;
      }
      sequences.add(baseOrder);
    }
    List<ClassInfo> result = new ArrayList<>();
    result.add(cls);
    if (bases.size() == 1) {
      // What the merge gives for a single base, without its search per step: quadratic in the
      // depth of a hierarchy, and hierarchies of generated code run thousands of classes deep.
      result.addAll(sequences.get(0));
    } else if (!merge(sequences, bases, result)) {
      return null;
    }
    active.remove(cls);
    List<ClassInfo> order = List.copyOf(result);
    done.put(cls, order);
    return order;
  }

  /** C3's merge of the bases' orders and the list of bases into {@code result}; false if none. */
  private static boolean merge(
      List<List<ClassInfo>> baseOrders, List<ClassInfo> bases, List<ClassInfo> result) {
    List<List<ClassInfo>> sequences = new ArrayList<>();
    for (List<ClassInfo> order : baseOrders) {
      sequences.add(new ArrayList<>(order));
    }
    sequences.add(new ArrayList<>(bases));
    while (true) {
      sequences.removeIf(List::isEmpty);
      if (sequences.isEmpty()) {
        return true;
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
        return false;
      }
      result.add(next);
      for (List<ClassInfo> sequence : sequences) {
        if (sequence.get(0) == next) {
          sequence.remove(0);
        }
      }
    }
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
