package dev.asynclint.syntax.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.syntax.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkerTest {
  /** The names in the order the walker meets them. */
  private static List<String> names(String source) {
    Module module = Parser.parse(source).module();
    List<String> names = new ArrayList<>();
    new Walker() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Expr.Name) {
          names.add(((Expr.Name) node).id());
        } else if (node instanceof Arg) {
          names.add(((Arg) node).arg());
        }
        return true;
      }
    }.walk(module);
    return names;
  }

  @Test
  void visitsInSourceOrder() {
    assertThat(names("a if b else c")).containsExactly("a", "b", "c");
    assertThat(names("{a: b, **c, d: e}")).containsExactly("a", "b", "c", "d", "e");
    assertThat(names("f(a, k=b, *c, **d)")).containsExactly("f", "a", "b", "c", "d");
    assertThat(names("@d\ndef f(a, b=x, *c, e=y, **g) -> r: z"))
        .containsExactly("d", "a", "b", "x", "c", "e", "y", "g", "r", "z");
    assertThat(names("@d\nclass C(B, metaclass=M): z")).containsExactly("d", "B", "M", "z");
    assertThat(names("[x for y in z if w]")).containsExactly("x", "y", "z", "w");
  }

  @Test
  void enterCanSkipChildrenAndLeaveBalancesEnter() {
    Module module = Parser.parse("def f():\n    x = g(y)\nz = 1\n").module();
    List<String> events = new ArrayList<>();
    new Walker() {
      @Override
      protected boolean enter(Node node) {
        events.add("enter " + node.getClass().getSimpleName());
        return !(node instanceof Stmt.FunctionDef);
      }

      @Override
      protected void leave(Node node) {
        events.add("leave " + node.getClass().getSimpleName());
      }
    }.walk(module);
    assertThat(events)
        .containsExactly(
            "enter FunctionDef",
            "enter Assign",
            "enter Name",
            "leave Name",
            "enter Constant",
            "leave Constant",
            "leave Assign");
  }

  @Test
  void findsTheInnermostNodeAtAnOffset() {
    String source = "async def f():\n    await asyncio.sleep(1)\n";
    Module module = Parser.parse(source).module();
    int offset = source.indexOf("sleep");
    Located node = NodeFinder.nodeAt(module, offset);
    assertThat(node).isInstanceOf(Expr.Attribute.class);
    assertThat(((Expr.Attribute) node).attr()).isEqualTo("sleep");
    List<Located> path = NodeFinder.pathTo(module, offset);
    assertThat(path.get(0)).isInstanceOf(Stmt.AsyncFunctionDef.class);
    assertThat(path)
        .extracting(n -> n.getClass().getSimpleName())
        .containsExactly("AsyncFunctionDef", "ExprStatement", "Await", "Call", "Attribute");
    assertThat(NodeFinder.nodeAt(module, source.length())).isNull();
  }

  @Test
  void findsAtEveryOffsetWhatAWalkOfEveryNodeFinds() {
    String source =
        "import asyncio\n"
            + "@decorator(1)\n"
            + "class A(Base, metaclass=M):\n"
            + "    x: int = 1; y = [f(1), *g(2), (3, 4)]\n"
            + "    @property\n"
            + "    async def m(self, a, /, b=2, *c, d=f'{e!r:>{w}}', **k) -> None:\n"
            + "        try:\n"
            + "            await asyncio.gather(*[h(i) for i in range(3) if i], {1, 2}, a[1:2, ::3])\n"
            + "        except (ValueError, TypeError) as err:\n"
            + "            raise RuntimeError from err\n"
            + "        else:\n"
            + "            pass\n"
            + "        finally:\n"
            + "            del a, b\n"
            + "        match d:\n"
            + "            case {'k': [1, *rest]} | (2, 3):\n"
            + "                return {**k, 'a': lambda q=1: q}\n"
            + "TABLE = [(1, 'one'), (2, 'two'), (3, 'three')]\n"
            + "D = {1: f(1), **g, 'x': [2, 3], (4, 5): {6: 7}, **{8: 9}}\n"
            + "call(1, *a, k=2, *b, **c, m=h(3))\n"
            + "while x := next(it, None):\n"
            + "    if x and not y or z < 1 <= w: break\n"
            + "else:\n"
            + "    with open(p) as fh, lock: fh.read()\n";
    Module module = Parser.parse(source).module();
    for (int offset = 0; offset <= source.length(); offset++) {
      assertThat(NodeFinder.pathTo(module, offset))
          .as("offset %d", offset)
          .containsExactlyElementsOf(everyNodeAt(module, offset));
    }
  }

  /** The located nodes containing {@code offset}, outermost first, found by walking every node. */
  private static List<Located> everyNodeAt(Module module, int offset) {
    List<Located> path = new ArrayList<>();
    new Walker() {
      @Override
      protected boolean enter(Node node) {
        if (node instanceof Located) {
          if (!((Located) node).range().contains(offset)) {
            return false;
          }
          path.add((Located) node);
        }
        return true;
      }
    }.walk(module);
    return path;
  }
}
