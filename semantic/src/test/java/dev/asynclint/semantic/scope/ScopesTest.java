package dev.asynclint.semantic.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.asynclint.syntax.ast.Expr;
import dev.asynclint.syntax.ast.ExprContext;
import dev.asynclint.syntax.ast.Located;
import dev.asynclint.syntax.ast.Node;
import dev.asynclint.syntax.ast.Stmt;
import dev.asynclint.syntax.parser.ParseResult;
import dev.asynclint.syntax.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Python's scoping rules as {@link ModuleScopes} builds them, one rule per test. */
class ScopesTest {

  // ---------------------------------------------------------------------------------------------
  // Module, function and class scopes

  @Test
  void moduleFunctionAndClassScopesNestInSourceOrder() {
    Fixture f =
        new Fixture(
            """
            def first():
                def inner():
                    pass
            class Second:
                def method(self):
                    pass
            """);
    Scope module = f.scopes.moduleScope();
    assertThat(module.kind()).isEqualTo(ScopeKind.MODULE);
    assertThat(module.name()).isEqualTo("pkg.mod");
    assertThat(module.children()).extracting(Scope::name).containsExactly("first", "Second");
    assertThat(module.children())
        .extracting(Scope::kind)
        .containsExactly(ScopeKind.FUNCTION, ScopeKind.CLASS);
    Scope method = f.scope("Second", "method");
    assertThat(method.kind()).isEqualTo(ScopeKind.FUNCTION);
    assertThat(method.parent()).isSameAs(f.scope("Second"));
    assertThat(method.module()).isSameAs(module);
    assertThat(f.scope("first", "inner").parent()).isSameAs(f.scope("first"));
    assertThat(f.scopes.scopeOf(f.parse.module().body().get(1))).isSameAs(f.scope("Second"));
  }

  @Test
  void everyKindOfParameterIsALocalParameter() {
    Fixture f = new Fixture("def f(a, /, b, c=1, *args, d, e=2, **kw):\n    x = a\n");
    Scope function = f.scope("f");
    for (String name : List.of("a", "b", "c", "args", "d", "e", "kw")) {
      Symbol symbol = function.symbol(name);
      assertThat(symbol.isParameter()).as(name).isTrue();
      assertThat(symbol.isLocal()).as(name).isTrue();
      assertThat(symbol.bindings())
          .extracting(Binding::kind)
          .containsExactly(BindingKind.PARAMETER);
    }
    assertThat(function.symbol("x").isLocal()).isTrue();
    assertThat(function.symbol("x").isParameter()).isFalse();
    assertThat(function.symbol("a").isReferenced()).isTrue();
    assertThat(f.scopes.moduleScope().symbol("x")).isNull();
    assertThat(f.scopes.moduleScope().symbol("a")).isNull();
  }

  @Test
  void decoratorsDefaultsAndAnnotationsAreEvaluatedInTheEnclosingScope() {
    Fixture f =
        new Fixture(
            """
            @deco
            def f(a: Ann = default, *, k: KwAnn = kwdefault) -> Ret:
                return a
            """);
    Scope module = f.scopes.moduleScope();
    for (String name : List.of("deco", "Ann", "default", "KwAnn", "kwdefault", "Ret")) {
      assertThat(module.symbol(name).isReferenced()).as(name).isTrue();
      assertThat(f.scope("f").symbol(name)).as(name).isNull();
      assertThat(f.use(name).scope()).as(name).isSameAs(module);
    }
    assertThat(f.scope("f").symbol("a").bindings().get(0).value())
        .isInstanceOf(Expr.Name.class); // a parameter's value is its annotation
  }

  @Test
  void classBodyBindingsBelongToTheClass() {
    Fixture f =
        new Fixture(
            """
            class C(Base, metaclass=Meta):
                attr = 1
                def method(self):
                    pass
            """);
    Scope cls = f.scope("C");
    assertThat(cls.symbol("attr").isLocal()).isTrue();
    assertThat(cls.symbol("method").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.FUNCTION);
    assertThat(f.scopes.moduleScope().symbol("attr")).isNull();
    assertThat(f.scopes.moduleScope().symbol("C").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.CLASS);
    // Bases and keywords are evaluated outside the class.
    assertThat(f.use("Base").scope()).isSameAs(f.scopes.moduleScope());
    assertThat(f.use("Meta").scope()).isSameAs(f.scopes.moduleScope());
  }

  @Test
  void methodDoesNotSeeTheClassBodyButTheModule() {
    Fixture f =
        new Fixture(
            """
            limit = "module"
            class C:
                limit = "class"
                def method(self):
                    return limit
            """);
    NameLookup lookup = f.lookup("limit\n");
    assertThat(lookup.origin()).isEqualTo(NameLookup.Origin.BOUND);
    assertThat(lookup.bindings()).extracting(f::value).containsExactly("\"module\"");
    assertThat(lookup.bindings().get(0).scope()).isSameAs(f.scopes.moduleScope());
    assertThat(f.scopes.owner(f.scope("C", "method"), "limit")).isSameAs(f.scopes.moduleScope());
  }

  @Test
  void methodReadingANameBoundOnlyInTheClassGetsTheBuiltin() {
    Fixture f =
        new Fixture(
            """
            class C:
                len = 0
                def size(self):
                    return len(self.items)
            """);
    assertThat(f.lookup("len(self").origin()).isEqualTo(NameLookup.Origin.BUILTIN);
  }

  @Test
  void classBodyReadsItsOwnEarlierBinding() {
    Fixture f =
        new Fixture(
            """
            x = "module"
            class C:
                x = "class"
                y = x
            """);
    NameLookup lookup = f.lookup("x\n");
    assertThat(lookup.bindings()).extracting(f::value).containsExactly("\"class\"");
    assertThat(lookup.bindings().get(0).scope()).isSameAs(f.scope("C"));
  }

  @Test
  void classBodySeesTheVariablesOfAnEnclosingFunction() {
    Fixture f =
        new Fixture(
            """
            def factory():
                x = "function"
                class C:
                    y = x
                return C
            """);
    NameLookup lookup = f.lookup("x\n");
    assertThat(lookup.bindings()).extracting(f::value).containsExactly("\"function\"");
    assertThat(f.scopes.owner(f.scope("factory", "C"), "x")).isSameAs(f.scope("factory"));
  }

  @Test
  void classBodyReadingItsOwnNameBeforeBindingItLooksInGlobalsNotTheEnclosingFunction() {
    // x is local to C, so CPython reads it with LOAD_NAME: class namespace, globals, builtins.
    Fixture f =
        new Fixture(
            """
            x = "global"
            def factory():
                x = "function"
                class C:
                    y = x
                    x = "class"
                return C
            """);
    NameLookup lookup = f.lookup("x\n");
    assertThat(lookup.origin()).isEqualTo(NameLookup.Origin.BOUND);
    assertThat(lookup.bindings()).extracting(f::value).containsExactly("\"global\"");
  }

  // ---------------------------------------------------------------------------------------------
  // Comprehensions and lambdas

  @Test
  void comprehensionHasItsOwnScopeAndItsTargetDoesNotLeak() {
    Fixture f = new Fixture("squares = [x * x for x in range(10)]\n");
    Scope comprehension = f.scopes.moduleScope().children().get(0);
    assertThat(comprehension.kind()).isEqualTo(ScopeKind.COMPREHENSION);
    assertThat(comprehension.name()).isEqualTo("<listcomp>");
    assertThat(comprehension.symbol("x").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.LOOP_TARGET);
    assertThat(f.scopes.moduleScope().symbol("x")).isNull();
    NameLookup lookup = f.lookup("x * x");
    assertThat(lookup.bindings()).extracting(Binding::scope).containsExactly(comprehension);
    assertThat(f.scopes.scopeOf(f.expression(0))).isSameAs(comprehension);
  }

  @Test
  void eachKindOfComprehensionOpensAScope() {
    Fixture f =
        new Fixture(
            """
            a = {x for x in y}
            b = {k: v for k, v in y}
            c = (x for x in y)
            d = [x for x in y]
            """);
    assertThat(f.scopes.moduleScope().children())
        .extracting(Scope::name)
        .containsExactly("<setcomp>", "<dictcomp>", "<genexpr>", "<listcomp>");
    assertThat(f.scopes.moduleScope().children())
        .allSatisfy(s -> assertThat(s.kind()).isEqualTo(ScopeKind.COMPREHENSION));
  }

  @Test
  void firstIterableOfAComprehensionInAClassBodySeesTheClass() {
    Fixture f =
        new Fixture(
            """
            class Config:
                names = ["a", "b"]
                upper = [n.upper() for n in names]
            """);
    Use use = f.use("names]");
    assertThat(use.scope()).isSameAs(f.scope("Config"));
    NameLookup lookup = f.lookup("names]");
    assertThat(lookup.bindings()).extracting(f::value).containsExactly("[\"a\", \"b\"]");
    assertThat(f.scope("Config").symbol("names").isReferenced()).isTrue();
  }

  @Test
  void restOfAComprehensionInAClassBodyDoesNotSeeTheClass() {
    Fixture f =
        new Fixture(
            """
            limit = 10
            class Config:
                limit = 3
                names = ["a", "bb"]
                short = [n for n in names if len(n) < limit]
            """);
    Use use = f.use("limit]");
    assertThat(use.scope().kind()).isEqualTo(ScopeKind.COMPREHENSION);
    NameLookup lookup = f.lookup("limit]");
    assertThat(lookup.bindings()).extracting(f::value).containsExactly("10");
    assertThat(lookup.bindings().get(0).scope()).isSameAs(f.scopes.moduleScope());
  }

  @Test
  void laterIterablesOfAComprehensionAreEvaluatedInsideIt() {
    Fixture f = new Fixture("cells = [c for row in rows for c in row]\n");
    Scope comprehension = f.scopes.moduleScope().children().get(0);
    assertThat(f.use("rows").scope()).isSameAs(f.scopes.moduleScope());
    assertThat(f.use("row]").scope()).isSameAs(comprehension);
    NameLookup lookup = f.lookup("row]");
    assertThat(lookup.bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.LOOP_TARGET);
    assertThat(f.text(lookup.bindings().get(0))).isEqualTo("row");
  }

  @Test
  void lambdaHasItsOwnScopeWithDefaultsEvaluatedOutside() {
    Fixture f = new Fixture("g = lambda a, b=default: a + b + free\n");
    Scope lambda = f.scopes.moduleScope().children().get(0);
    assertThat(lambda.kind()).isEqualTo(ScopeKind.LAMBDA);
    assertThat(lambda.name()).isEqualTo("<lambda>");
    assertThat(lambda.symbol("a").isParameter()).isTrue();
    assertThat(lambda.symbol("b").isParameter()).isTrue();
    assertThat(f.use("default").scope()).isSameAs(f.scopes.moduleScope());
    assertThat(f.lookup("a +").bindings()).extracting(Binding::scope).containsExactly(lambda);
    assertThat(f.lookup("free").origin()).isEqualTo(NameLookup.Origin.UNBOUND);
    assertThat(f.scopes.moduleScope().symbol("a")).isNull();
  }

  @Test
  void nestedScopesKnowTheirEnclosingFunction() {
    Fixture f =
        new Fixture(
            """
            async def fetch(urls):
                return [await get(u) for u in urls]
            class C:
                xs = [y for y in z]
            """);
    Scope comprehension = f.scope("fetch").children().get(0);
    assertThat(comprehension.enclosingFunction()).isSameAs(f.scope("fetch"));
    assertThat(comprehension.enclosingFunction().isAsyncFunction()).isTrue();
    assertThat(f.scope("C").children().get(0).enclosingFunction()).isNull();
    assertThat(f.scopes.moduleScope().enclosingFunction()).isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // global and nonlocal

  @Test
  void globalDeclarationMakesAssignmentsModuleBindings() {
    Fixture f =
        new Fixture(
            """
            counter = 0
            def bump():
                global counter
                counter = counter + 1
            def read():
                return counter
            """);
    Scope bump = f.scope("bump");
    Symbol declared = bump.symbol("counter");
    assertThat(declared.isDeclaredGlobal()).isTrue();
    assertThat(declared.isLocal()).isFalse();
    assertThat(f.scopes.owner(bump, "counter")).isSameAs(f.scopes.moduleScope());
    // Both bindings are module bindings; a read from another function sees them all.
    assertThat(f.scopes.moduleScope().symbol("counter").bindings()).hasSize(2);
    NameLookup lookup = f.lookup("counter\n", 1);
    assertThat(lookup.bindings()).extracting(f::value).containsExactly("counter + 1", "0");
    assertThat(lookup.bindings())
        .extracting(Binding::scope)
        .containsExactly(bump, f.scopes.moduleScope());
  }

  @Test
  void nameAssignedOnlyUnderGlobalInAFunctionIsVisibleToOtherFunctions() {
    Fixture f =
        new Fixture(
            """
            def init():
                global cache
                cache = {}
            def get(key):
                return cache[key]
            """);
    NameLookup lookup = f.lookup("cache[key]");
    assertThat(lookup.origin()).isEqualTo(NameLookup.Origin.BOUND);
    assertThat(lookup.bindings()).extracting(f::value).containsExactly("{}");
    assertThat(lookup.bindings().get(0).scope()).isSameAs(f.scope("init"));
  }

  @Test
  void nonlocalDeclarationRebindsTheEnclosingFunctionsVariable() {
    Fixture f =
        new Fixture(
            """
            def counter():
                n = 0
                def inc():
                    nonlocal n
                    n += 1
                    return n
                return inc
            """);
    Scope inc = f.scope("counter", "inc");
    assertThat(inc.symbol("n").isDeclaredNonlocal()).isTrue();
    assertThat(inc.symbol("n").isLocal()).isFalse();
    assertThat(f.scopes.owner(inc, "n")).isSameAs(f.scope("counter"));
    assertThat(f.scope("counter").symbol("n").bindings()).hasSize(2);
    NameLookup lookup = f.lookup("n\n", 1);
    assertThat(lookup.bindings())
        .extracting(Binding::scope)
        .containsExactly(inc, f.scope("counter"));
  }

  @Test
  void closureReadsEveryBindingOfTheEnclosingFunctionEvenLaterOnes() {
    Fixture f =
        new Fixture(
            """
            def outer():
                def inner():
                    return late
                late = 1
                late = 2
                return inner
            """);
    Scope inner = f.scope("outer", "inner");
    assertThat(inner.symbol("late").isLocal()).isFalse();
    assertThat(inner.symbol("late").isReferenced()).isTrue();
    assertThat(f.scopes.owner(inner, "late")).isSameAs(f.scope("outer"));
    assertThat(f.lookup("late\n").bindings()).extracting(f::value).containsExactly("2", "1");
  }

  // ---------------------------------------------------------------------------------------------
  // Assignment expressions

  @Test
  void walrusInAComprehensionBindsInTheEnclosingFunction() {
    Fixture f =
        new Fixture(
            """
            def first_big(xs):
                if any((hit := x) > 10 for x in xs):
                    return hit
            """);
    Scope function = f.scope("first_big");
    Scope comprehension = function.children().get(0);
    assertThat(function.symbol("hit").isLocal()).isTrue();
    assertThat(function.symbol("hit").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.NAMED_EXPRESSION);
    assertThat(comprehension.symbol("hit")).isNull();
    NameLookup lookup = f.lookup("hit\n");
    assertThat(lookup.bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.NAMED_EXPRESSION);
    assertThat(lookup.bindings().get(0).scope()).isSameAs(function);
  }

  @Test
  void walrusInAComprehensionMayNotRun() {
    Fixture f =
        new Fixture(
            """
            def last_item(xs):
                found = None
                [found := x for x in xs]
                return found
            """);
    NameLookup lookup = f.lookup("found\n");
    assertThat(lookup.bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.NAMED_EXPRESSION, BindingKind.ASSIGNMENT);
  }

  @Test
  void walrusOutsideAComprehensionBindsInTheCurrentScope() {
    Fixture f = new Fixture("if (n := len(items)) > 10:\n    print(n)\n");
    assertThat(f.scopes.moduleScope().symbol("n").isLocal()).isTrue();
    NameLookup lookup = f.lookup("n)\n");
    assertThat(lookup.bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.NAMED_EXPRESSION);
    assertThat(f.value(lookup.bindings().get(0))).isEqualTo("len(items)");
  }

  // ---------------------------------------------------------------------------------------------
  // match, except, del

  @Test
  void matchCapturesBindNames() {
    Fixture f =
        new Fixture(
            """
            def handle(command):
                match command:
                    case Point(x=px) as point:
                        return px, point
                    case [first, *rest]:
                        return first, rest
                    case {"kind": kind, **others}:
                        return kind, others
            """);
    Scope function = f.scope("handle");
    for (String name : List.of("px", "point", "first", "rest", "kind", "others")) {
      assertThat(function.symbol(name).bindings())
          .as(name)
          .extracting(Binding::kind)
          .containsExactly(BindingKind.MATCH_CAPTURE);
      assertThat(function.symbol(name).isLocal()).as(name).isTrue();
    }
    assertThat(f.lookup("rest\n").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.MATCH_CAPTURE);
    assertThat(f.lookup("others\n").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.MATCH_CAPTURE);
    // Class patterns read their class.
    assertThat(f.lookup("Point").origin()).isEqualTo(NameLookup.Origin.UNBOUND);
    assertThat(function.symbol("Point").isReferenced()).isTrue();
  }

  @Test
  void wildcardPatternsBindNothing() {
    Fixture f =
        new Fixture(
            """
            match value:
                case [1, *_]:
                    pass
                case _:
                    pass
            """);
    assertThat(f.scopes.moduleScope().symbol("_")).isNull();
  }

  @Test
  void exceptNameIsBoundInItsHandlerAndUnboundAfterIt() {
    Fixture f =
        new Fixture(
            """
            def parse(text):
                try:
                    return int(text)
                except ValueError as error:
                    log(error)
                return error
            """);
    Symbol error = f.scope("parse").symbol("error");
    assertThat(error.bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.EXCEPT_HANDLER, BindingKind.DELETION);
    assertThat(f.lookup("error)").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.EXCEPT_HANDLER);
    assertThat(f.lookup("error\n").origin()).isEqualTo(NameLookup.Origin.UNBOUND);
  }

  @Test
  void earlierBindingStillReachesPastAnExceptHandlerThatDidNotRun() {
    Fixture f =
        new Fixture(
            """
            def parse(text):
                error = None
                try:
                    pass
                except ValueError as error:
                    pass
                return error
            """);
    NameLookup lookup = f.lookup("error\n");
    assertThat(lookup.bindings()).extracting(f::value).containsExactly("None");
  }

  @Test
  void delUnbindsTheName() {
    Fixture f =
        new Fixture(
            """
            def f(flag):
                x = 1
                del x
                y = 2
                if flag:
                    del y
                return x, y
            """);
    assertThat(f.scope("f").symbol("x").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.ASSIGNMENT, BindingKind.DELETION);
    assertThat(f.lookup("x, y").origin()).isEqualTo(NameLookup.Origin.UNBOUND);
    // A deletion in a branch may not have happened.
    assertThat(f.lookup("y\n", 1).bindings()).extracting(f::value).containsExactly("2");
  }

  @Test
  void annotationWithoutValueMakesANameLocalWithoutBindingIt() {
    Fixture f =
        new Fixture(
            """
            y = 1
            def f():
                x: int
                (y): int
                return x, y
            """);
    Scope function = f.scope("f");
    assertThat(function.symbol("x").isLocal()).isTrue();
    assertThat(function.symbol("x").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.ANNOTATION);
    assertThat(f.lookup("x, y").origin()).isEqualTo(NameLookup.Origin.UNBOUND);
    // A parenthesized target is an expression being annotated: y stays global.
    assertThat(function.symbol("y").isLocal()).isFalse();
    assertThat(f.lookup("y\n").bindings()).extracting(f::value).containsExactly("1");
  }

  // ---------------------------------------------------------------------------------------------
  // Imports

  @Test
  void starImportsAreConsultedForUnknownNames() {
    Fixture f = new Fixture("from os.path import *\nprint(join, len)\n");
    assertThat(f.scopes.moduleScope().starImports())
        .extracting(Scope.StarImport::module)
        .containsExactly("os.path");
    NameLookup lookup = f.lookup("join");
    assertThat(lookup.origin()).isEqualTo(NameLookup.Origin.STAR_IMPORT);
    assertThat(lookup.starModules()).containsExactly("os.path");
    assertThat(f.lookup("len").origin()).isEqualTo(NameLookup.Origin.BUILTIN);
  }

  @Test
  void relativeStarImportsAreResolvedAgainstThePackage() {
    Fixture inPackage = new Fixture("from .helpers import *\nrun()\n", "pkg", true);
    assertThat(inPackage.lookup("run").starModules()).containsExactly("pkg.helpers");
    Fixture inModule =
        new Fixture("from . import *\nfrom ...up import *\nrun()\n", "pkg.sub", false);
    NameLookup lookup = inModule.lookup("run");
    assertThat(lookup.origin()).isEqualTo(NameLookup.Origin.STAR_IMPORT);
    assertThat(lookup.starModules()).containsExactly("pkg", null);
  }

  @Test
  void conditionalImportsBothReachALaterUse() {
    Fixture f =
        new Fixture(
            """
            try:
                import ujson as json
            except ImportError:
                import json
            data = json.loads(text)
            """);
    NameLookup lookup = f.lookup("json.loads");
    assertThat(lookup.origin()).isEqualTo(NameLookup.Origin.BOUND);
    assertThat(lookup.bindings())
        .extracting(Binding::importedName)
        .containsExactly("json", "ujson");
    assertThat(lookup.bindings()).extracting(Binding::branch).doesNotContainNull();
    assertThat(lookup.bindings().get(0).branch().id())
        .isNotEqualTo(lookup.bindings().get(1).branch().id());
  }

  @Test
  void unconditionalRebindingShadowsConditionalImports() {
    Fixture f =
        new Fixture(
            """
            try:
                import ujson as json
            except ImportError:
                import json
            json = None
            print(json)
            """);
    NameLookup lookup = f.lookup("json)");
    assertThat(lookup.bindings()).extracting(Binding::kind).containsExactly(BindingKind.ASSIGNMENT);
  }

  @Test
  void localAssignmentShadowsAnImportInItsFunctionOnly() {
    Fixture f =
        new Fixture(
            """
            import time
            def f():
                time = 3
                return time
            def g():
                return time.sleep
            """);
    NameLookup local = f.lookup("time\n", 1);
    assertThat(local.bindings()).extracting(Binding::kind).containsExactly(BindingKind.ASSIGNMENT);
    assertThat(local.bindings().get(0).scope()).isSameAs(f.scope("f"));
    NameLookup global = f.lookup("time.sleep");
    assertThat(global.bindings()).extracting(Binding::kind).containsExactly(BindingKind.IMPORT);
    assertThat(global.bindings().get(0).importedName()).isEqualTo("time");
  }

  @Test
  void dottedImportBindsItsFirstComponent() {
    Fixture f = new Fixture("import os.path\nimport a.b as c\n");
    Binding os = f.scopes.moduleScope().symbol("os").bindings().get(0);
    assertThat(os.kind()).isEqualTo(BindingKind.IMPORT);
    assertThat(os.importedName()).isEqualTo("os");
    assertThat(f.scopes.moduleScope().symbol("path")).isNull();
    assertThat(f.scopes.moduleScope().symbol("a")).isNull();
    assertThat(f.scopes.moduleScope().symbol("c").bindings().get(0).importedName())
        .isEqualTo("a.b");
  }

  @Test
  void fromImportBindsTheQualifiedName() {
    Fixture f = new Fixture("from asyncio import sleep as nap, gather\n");
    Scope module = f.scopes.moduleScope();
    assertThat(module.symbol("nap").bindings().get(0).importedName()).isEqualTo("asyncio.sleep");
    assertThat(module.symbol("nap").bindings().get(0).kind()).isEqualTo(BindingKind.FROM_IMPORT);
    assertThat(module.symbol("gather").bindings().get(0).importedName())
        .isEqualTo("asyncio.gather");
    assertThat(module.symbol("sleep")).isNull();
  }

  @Test
  void relativeImportOfASiblingModule() {
    Fixture f = new Fixture("from . import db\n", "pkg.sub", false);
    Binding db = f.scopes.moduleScope().symbol("db").bindings().get(0);
    assertThat(db.kind()).isEqualTo(BindingKind.FROM_IMPORT);
    assertThat(db.importedName()).isEqualTo("pkg.db");
  }

  @Test
  void relativeImportInAPackageInitIsRelativeToThePackageItself() {
    Fixture f = new Fixture("from . import db\n", "pkg", true);
    assertThat(f.scopes.moduleScope().symbol("db").bindings().get(0).importedName())
        .isEqualTo("pkg.db");
  }

  @Test
  void relativeImportTwoLevelsUp() {
    Fixture f =
        new Fixture("from ..util import fetch\nfrom .. import x as y\n", "pkg.sub.mod", false);
    assertThat(f.scopes.moduleScope().symbol("fetch").bindings().get(0).importedName())
        .isEqualTo("pkg.util.fetch");
    assertThat(f.scopes.moduleScope().symbol("y").bindings().get(0).importedName())
        .isEqualTo("pkg.x");
  }

  @Test
  void relativeImportBeyondTheTopLevelPackageIsUnresolved() {
    Fixture f =
        new Fixture("from ... import x\nfrom .... import y\nprint(x, y)\n", "pkg.mod", false);
    Binding x = f.scopes.moduleScope().symbol("x").bindings().get(0);
    assertThat(x.kind()).isEqualTo(BindingKind.FROM_IMPORT);
    assertThat(x.importedName()).isNull();
    assertThat(f.lookup("x,").bindings()).containsExactly(x);
    Fixture topLevel = new Fixture("from . import z\n", "mod", false);
    assertThat(topLevel.scopes.moduleScope().symbol("z").bindings().get(0).importedName()).isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // Lookups

  @Test
  void assignmentReadsThePreviousBinding() {
    Fixture f =
        new Fixture(
            """
            def step(x):
                x = x + 1
                return x
            """);
    assertThat(f.lookup("x + 1").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.PARAMETER);
    assertThat(f.lookup("x\n").bindings()).extracting(f::value).containsExactly("x + 1");
  }

  @Test
  void moduleLevelReadSeesOnlyBindingsBeforeIt() {
    Fixture f = new Fixture("x = 1\nx = x + 1\ny = x\nx = 5\n");
    assertThat(f.lookup("x + 1").bindings()).extracting(f::value).containsExactly("1");
    assertThat(f.lookup("x\nx = 5").bindings()).extracting(f::value).containsExactly("x + 1");
  }

  @Test
  void bindingsInBothBranchesOfAnIfReachALaterRead() {
    Fixture f =
        new Fixture(
            """
            def f(flag):
                if flag:
                    mode = "on"
                    print(mode)
                else:
                    mode = "off"
                return mode
            """);
    NameLookup inside = f.lookup("mode)");
    assertThat(inside.bindings()).extracting(f::value).containsExactly("\"on\"");
    NameLookup after = f.lookup("mode\n");
    assertThat(after.bindings()).extracting(f::value).containsExactly("\"off\"", "\"on\"");
    Branch on = after.bindings().get(1).branch();
    Branch use = f.use("mode)").branch();
    assertThat(Branch.encloses(on, use)).isTrue();
    assertThat(Branch.encloses(after.bindings().get(0).branch(), use)).isFalse();
    assertThat(Branch.encloses(null, use)).isTrue();
  }

  @Test
  void forAndWithTargetsTakeEffectAfterTheirExpressions() {
    Fixture f =
        new Fixture(
            """
            def f(path, items):
                with open(path) as path:
                    for items in items:
                        pass
            """);
    assertThat(f.lookup("path)").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.PARAMETER);
    assertThat(f.lookup("items:").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.PARAMETER);
    Binding with = f.scope("f").symbol("path").bindings().get(1);
    assertThat(with.kind()).isEqualTo(BindingKind.WITH_TARGET);
    assertThat(f.value(with)).isEqualTo("open(path)");
  }

  @Test
  void builtinsResolveWhenNothingBindsTheName() {
    Fixture f = new Fixture("def f(xs):\n    return len(xs), undefined_name\n");
    assertThat(f.lookup("len").origin()).isEqualTo(NameLookup.Origin.BUILTIN);
    assertThat(f.lookup("len").bindings()).isEmpty();
    assertThat(f.lookup("undefined_name").origin()).isEqualTo(NameLookup.Origin.UNBOUND);
  }

  @Test
  void moduleLevelDefinitionShadowsABuiltin() {
    Fixture f =
        new Fixture(
            """
            def len(x):
                return 0
            def f(xs):
                return len(xs)
            n = len([])
            """);
    NameLookup inFunction = f.lookup("len(xs)");
    assertThat(inFunction.origin()).isEqualTo(NameLookup.Origin.BOUND);
    assertThat(inFunction.bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.FUNCTION);
    assertThat(f.lookup("len([])").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.FUNCTION);
  }

  // ---------------------------------------------------------------------------------------------
  // PEP 695 and definitions

  @Test
  void typeParametersOfAGenericFunctionHaveTheirOwnScope() {
    Fixture f = new Fixture("def first[T](xs: list[T]) -> T:\n    y: T = xs[0]\n    return y\n");
    Scope typeParameters = f.scopes.moduleScope().children().get(0);
    assertThat(typeParameters.kind()).isEqualTo(ScopeKind.TYPE_PARAMETERS);
    assertThat(typeParameters.symbol("T").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.TYPE_PARAMETER);
    Scope function = typeParameters.children().get(0);
    assertThat(function.name()).isEqualTo("first");
    assertThat(f.lookup("T])").bindings())
        .extracting(Binding::scope)
        .containsExactly(typeParameters);
    assertThat(f.lookup("T =").bindings())
        .extracting(Binding::scope)
        .containsExactly(typeParameters);
    assertThat(f.scopes.moduleScope().symbol("first").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.FUNCTION);
    assertThat(f.scopes.moduleScope().symbol("T")).isNull();
  }

  @Test
  void typeParametersOfGenericClassesAndTypeAliases() {
    Fixture f =
        new Fixture(
            """
            class Box[T](Base[T]):
                item: T
            type Pair[K] = tuple[K, K]
            """);
    assertThat(f.lookup("T])").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.TYPE_PARAMETER);
    assertThat(f.lookup("T\n").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.TYPE_PARAMETER);
    NameLookup alias = f.lookup("K, K");
    assertThat(alias.origin()).isEqualTo(NameLookup.Origin.BOUND);
    assertThat(alias.bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.TYPE_PARAMETER);
    assertThat(f.scopes.moduleScope().symbol("Pair").bindings())
        .extracting(Binding::kind)
        .containsExactly(BindingKind.ASSIGNMENT);
    assertThat(f.scopes.moduleScope().symbol("K")).isNull();
  }

  @Test
  void definitionBindingsCoverJustTheName() {
    Fixture f =
        new Fixture(
            """
            @decorator(arg)
            async def  fetch(url):
                pass
            class   Client(Base):
                def \\
                    get(self):
                    pass
            """);
    Binding fetch = f.scopes.moduleScope().symbol("fetch").bindings().get(0);
    assertThat(f.text(fetch)).isEqualTo("fetch");
    assertThat(fetch.definition()).isSameAs(f.parse.module().body().get(0));
    assertThat(fetch.effectiveOffset()).isEqualTo(f.source.indexOf("pass") + "pass".length());
    assertThat(f.text(f.scopes.moduleScope().symbol("Client").bindings().get(0)))
        .isEqualTo("Client");
    assertThat(f.text(f.scope("Client").symbol("get").bindings().get(0))).isEqualTo("get");
  }

  @Test
  void augmentedAssignmentReadsAndRebinds() {
    Fixture f = new Fixture("total = 0\ndef add(n):\n    total += n\n");
    Symbol total = f.scope("add").symbol("total");
    assertThat(total.isLocal()).isTrue();
    assertThat(total.isReferenced()).isTrue();
    assertThat(total.bindings()).extracting(Binding::kind).containsExactly(BindingKind.ASSIGNMENT);
  }

  @Test
  void walkerSubclassesSeeTheScopesAndBlocksOfTheBuild() {
    Fixture f =
        new Fixture(
            """
            for item in items:
                if item:
                    print(item)
            """);
    Use use = f.use("item)");
    assertThat(use.scope()).isSameAs(f.scopes.moduleScope());
    assertThat(use.branch()).isNotNull();
    assertThat(use.branch().parent()).isNotNull();
    Binding loop = f.scopes.moduleScope().symbol("item").bindings().get(0);
    assertThat(loop.branch().id()).isEqualTo(use.branch().parent().id());
    assertThat(f.lookup("item)").bindings()).containsExactly(loop);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** A load of a name, with the scope and block a {@link ScopeWalker} saw it in. */
  record Use(Expr.Name name, Scope scope, Branch branch) {}

  /** Records every name load of a module, as rules that subclass {@link ScopeWalker} see them. */
  private static final class Recorder extends ScopeWalker {
    final List<Use> uses = new ArrayList<>();

    Recorder(ModuleScopes scopes) {
      super(scopes);
    }

    @Override
    protected void enterNode(Node node) {
      if (node instanceof Expr.Name && ((Expr.Name) node).ctx() == ExprContext.LOAD) {
        uses.add(new Use((Expr.Name) node, currentScope(), currentBranch()));
      }
    }
  }

  private static final class Fixture {
    final String source;
    final ParseResult parse;
    final ModuleScopes scopes;
    final List<Use> uses;

    Fixture(String source) {
      this(source, "pkg.mod", false);
    }

    Fixture(String source, String moduleName, boolean isPackage) {
      this.source = source;
      this.parse = Parser.parse(source);
      assertThat(parse.errors()).as("syntax errors").isEmpty();
      this.scopes = ModuleScopes.build(parse.module(), source, moduleName, isPackage);
      Recorder recorder = new Recorder(scopes);
      recorder.walkModule(parse.module());
      this.uses = recorder.uses;
    }

    /** The scope reached from the module through children of these names. */
    Scope scope(String... path) {
      Scope scope = scopes.moduleScope();
      for (String name : path) {
        Scope next = null;
        for (Scope child : scope.children()) {
          if (child.name().equals(name)) {
            next = child;
            break;
          }
        }
        if (next == null) {
          fail("no scope " + name + " in " + scope);
        }
        scope = next;
      }
      return scope;
    }

    /** The name load at the first occurrence of {@code needle}, which starts with the name. */
    Use use(String needle) {
      return use(needle, 0);
    }

    /** The name load at occurrence {@code skip} (from 0) of {@code needle}. */
    Use use(String needle, int skip) {
      int at = source.indexOf(needle);
      for (int i = 0; i < skip && at >= 0; i++) {
        at = source.indexOf(needle, at + 1);
      }
      if (at < 0) {
        fail("no occurrence " + skip + " of " + needle);
      }
      for (Use use : uses) {
        if (use.name().range().start() == at) {
          return use;
        }
      }
      throw new AssertionError("no name is read at " + needle + " (offset " + at + ")");
    }

    NameLookup lookup(String needle) {
      return lookup(needle, 0);
    }

    /** What the load at {@code needle} refers to, asked as a rule would. */
    NameLookup lookup(String needle, int skip) {
      Use use = use(needle, skip);
      return scopes.lookup(use.scope(), use.name().id(), use.name().range().start(), use.branch());
    }

    /** The value of a top-level assignment or expression statement. */
    Node expression(int statement) {
      Stmt stmt = parse.module().body().get(statement);
      if (stmt instanceof Stmt.Assign) {
        return ((Stmt.Assign) stmt).value();
      }
      return ((Stmt.ExprStatement) stmt).value();
    }

    String text(Binding binding) {
      return source.substring(binding.range().start(), binding.range().end());
    }

    /** The source of the value a binding binds, or null. */
    String value(Binding binding) {
      Located value = binding.value();
      return value == null ? null : source.substring(value.range().start(), value.range().end());
    }
  }
}
