package dev.asynclint.semantic.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asynclint.syntax.parser.ParseResult;
import dev.asynclint.syntax.parser.Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProjectTest {
  private static final Path ROOT = Path.of("/project");

  /** Builds a project from {@code path, source, path, source...}, relative to {@link #ROOT}. */
  private static Project project(Set<String> handlerDecorators, String... pathsAndSources) {
    Map<Path, String> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndSources.length; i += 2) {
      files.put(ROOT.resolve(pathsAndSources[i]), pathsAndSources[i + 1]);
    }
    ModuleNames names = new ModuleNames(ROOT, new HashSet<>(files.keySet()));
    List<SourceModule> modules = new ArrayList<>();
    files.forEach(
        (path, source) -> {
          ParseResult result = Parser.parse(source);
          assertThat(result.errors()).as(path.toString()).isEmpty();
          modules.add(
              SourceModule.of(
                  path,
                  names.moduleName(path),
                  ModuleNames.isPackageInit(path),
                  source,
                  result.module()));
        });
    return Project.build(modules, handlerDecorators);
  }

  private static Project project(String... pathsAndSources) {
    return project(Set.of(), pathsAndSources);
  }

  /** {@code callee text -> qualified name or ?} for the calls of one module, in source order. */
  private static List<String> calls(Project project, String module) {
    SourceModule source = project.index().module(module);
    return project.callSites(source).stream()
        .map(
            site -> {
              String text =
                  source
                      .source()
                      .substring(
                          site.call().func().range().start(), site.call().func().range().end());
              String name = site.target().qualifiedName();
              return text + " -> " + (name == null ? "?" : name);
            })
        .collect(Collectors.toList());
  }

  private static Set<String> names(Set<FunctionInfo> functions) {
    return functions.stream().map(FunctionInfo::qualifiedName).collect(Collectors.toSet());
  }

  @Test
  void modulesAreNamedByPackagesSrcLayoutNamespacesAndScripts() {
    Set<Path> files =
        Set.of(
            ROOT.resolve("src/app/__init__.py"),
            ROOT.resolve("src/app/core.py"),
            ROOT.resolve("src/app/api/__init__.py"),
            ROOT.resolve("src/app/api/routes.py"),
            ROOT.resolve("scripts/run.py"),
            ROOT.resolve("tools/gen-docs/make.py"),
            ROOT.resolve("setup.py"));
    ModuleNames names = new ModuleNames(ROOT, files);
    assertThat(names.moduleName(ROOT.resolve("src/app/__init__.py"))).isEqualTo("app");
    assertThat(names.moduleName(ROOT.resolve("src/app/core.py"))).isEqualTo("app.core");
    assertThat(names.moduleName(ROOT.resolve("src/app/api/routes.py"))).isEqualTo("app.api.routes");
    assertThat(names.moduleName(ROOT.resolve("scripts/run.py"))).isEqualTo("scripts.run");
    assertThat(names.moduleName(ROOT.resolve("tools/gen-docs/make.py"))).isEqualTo("make");
    assertThat(names.moduleName(ROOT.resolve("setup.py"))).isEqualTo("setup");
    assertThat(ModuleNames.isPackageInit(ROOT.resolve("src/app/__init__.py"))).isTrue();
  }

  @Test
  void importsAliasesAndReExportsResolveToDefiningModules() {
    Project project =
        project(
            "pkg/__init__.py", "from .core import Engine\nfrom .core import *\n",
            "pkg/core.py", "class Engine:\n    def run(self): pass\ndef helper(): pass\n",
            "pkg/sub/__init__.py", "",
            "pkg/sub/mod.py",
                "import asyncio as aio\n"
                    + "from time import sleep as nap\n"
                    + "import os.path\n"
                    + "from pkg import Engine, helper\n"
                    + "from ..core import helper as h2\n"
                    + "from ... import beyond\n"
                    + "aio.sleep(1)\nnap(1)\nos.path.join('a')\nEngine().run()\nhelper()\nh2()\n"
                    + "beyond()\n");
    assertThat(calls(project, "pkg.sub.mod"))
        .containsExactly(
            "aio.sleep -> asyncio.sleep",
            "nap -> time.sleep",
            "os.path.join -> os.path.join",
            "Engine().run -> pkg.core.Engine.run",
            "Engine -> pkg.core.Engine",
            "helper -> pkg.core.helper",
            "h2 -> pkg.core.helper",
            "beyond -> ?");
  }

  @Test
  void shadowingDeletionAndConditionalBindingsAreNotGuessed() {
    Project project =
        project(
            "m.py",
            "import time\nimport json\n"
                + "def local():\n    time = make()\n    time.sleep(1)\n"
                + "def other():\n    time.sleep(1)\n"
                + "try:\n    import ujson as fast\nexcept ImportError:\n    import json as fast\n"
                + "fast.dumps(1)\n"
                + "try:\n    import requests\nexcept ImportError:\n    requests = None\n"
                + "requests.get('u')\n"
                + "del json\njson.dumps(1)\n"
                + "def pick(flag):\n"
                + "    if flag:\n        s = A()\n    else:\n        s = B()\n    s.go()\n"
                + "    s = A()\n    s.go()\n"
                + "class A:\n    def go(self): pass\nclass B:\n    def go(self): pass\n");
    assertThat(calls(project, "m"))
        .containsExactly(
            "make -> ?",
            "time.sleep -> ?",
            "time.sleep -> time.sleep",
            "fast.dumps -> ?",
            "requests.get -> requests.get",
            "json.dumps -> ?",
            "A -> m.A",
            "B -> m.B",
            "s.go -> ?",
            "A -> m.A",
            "s.go -> m.A.go");
  }

  @Test
  void valuesAreTrackedThroughConstructorsFactoriesWithAndAnnotations() {
    Project project =
        project(
            "svc.py",
            "import aiohttp, requests, sqlite3, asyncio\n"
                + "from typing import Optional\n"
                + "class Client:\n"
                + "    def __init__(self):\n"
                + "        self.session = aiohttp.ClientSession()\n"
                + "        self.lock = asyncio.Lock()\n"
                + "    async def get(self, url):\n"
                + "        async with self.lock:\n"
                + "            return await self.session.get(url)\n"
                + "def sync_work(s: Optional[requests.Session], t: 'requests.Session'):\n"
                + "    s.get('u')\n"
                + "    t.get('u')\n"
                + "    with requests.Session() as r:\n"
                + "        r.post('u')\n"
                + "    conn = sqlite3.connect('db')\n"
                + "    conn.cursor().execute('q')\n"
                + "async def main(session: aiohttp.ClientSession | None):\n"
                + "    async with session.get('u') as response:\n"
                + "        await response.json()\n"
                + "    loop = asyncio.get_running_loop()\n"
                + "    loop.run_in_executor(None, sync_work)\n");
    assertThat(calls(project, "svc"))
        .containsExactly(
            "aiohttp.ClientSession -> aiohttp.ClientSession",
            "asyncio.Lock -> asyncio.Lock",
            "self.session.get -> aiohttp.ClientSession.get",
            "s.get -> requests.Session.get",
            "t.get -> ?",
            "requests.Session -> requests.Session",
            "r.post -> requests.Session.post",
            "sqlite3.connect -> sqlite3.connect",
            "conn.cursor().execute -> sqlite3.Cursor.execute",
            "conn.cursor -> sqlite3.Connection.cursor",
            "session.get -> aiohttp.ClientSession.get",
            "response.json -> aiohttp.ClientResponse.json",
            "asyncio.get_running_loop -> asyncio.get_running_loop",
            "loop.run_in_executor -> asyncio.AbstractEventLoop.run_in_executor");
  }

  @Test
  void annotationsNameClassesNotTypingFormsAndMembersOfOutsideInstancesEndTheChain() {
    Project project =
        project(
            "m.py",
            "import typing as t, requests\n"
                + "def f(x: t.Any, *args: int, **kwargs: t.Any):\n"
                + "    x.pop()\n    args.count(1)\n    kwargs.pop('k')\n"
                + "def g(r: requests.Response):\n    r.raw.read()\n    r.json()\n");
    assertThat(calls(project, "m"))
        .containsExactly(
            "x.pop -> ?",
            "args.count -> builtins.tuple.count",
            "kwargs.pop -> builtins.dict.pop",
            "r.raw.read -> ?",
            "r.json -> requests.Response.json");
  }

  @Test
  void instanceAttributesThatDisagreeStayUnknown() {
    Project project =
        project(
            "m.py",
            "import requests, httpx\n"
                + "class C:\n"
                + "    def a(self):\n        self.client = requests.Session()\n"
                + "    def b(self):\n        self.client = httpx.Client()\n"
                + "    def c(self):\n        self.client.get('u')\n");
    assertThat(calls(project, "m")).endsWith("self.client.get -> ?");
  }

  @Test
  void methodsResolveThroughTheMroSuperAndClassmethods() {
    Project project =
        project(
            "m.py",
            "class A:\n    async def run(self): pass\n    def name(self): pass\n"
                + "class B(A):\n    def name(self): pass\n"
                + "class C(A):\n    async def run(self):\n        await super().run()\n"
                + "class D(B, C):\n"
                + "    @classmethod\n    def make(cls):\n        return cls()\n"
                + "    async def go(self):\n        await self.run()\n        self.name()\n"
                + "d = D.make()\nd.run()\n");
    ClassInfo d = project.index().cls("m.D");
    assertThat(d.mro().stream().map(ClassInfo::qualifiedName))
        .containsExactly("m.D", "m.B", "m.C", "m.A");
    assertThat(calls(project, "m"))
        .containsExactly(
            "super().run -> m.A.run",
            "super -> builtins.super",
            "cls -> m.D",
            "self.run -> m.C.run",
            "self.name -> m.B.name",
            "D.make -> m.D.make",
            "d.run -> m.C.run");
  }

  @Test
  void externalBasesAnswerForInheritedMethods() {
    Project project =
        project(
            "m.py",
            "import httpx\n"
                + "class Api(httpx.AsyncClient):\n"
                + "    async def fetch(self):\n        return await self.get('u')\n");
    assertThat(calls(project, "m")).containsExactly("self.get -> httpx.AsyncClient.get");
    assertThat(project.index().cls("m.Api").externalBases()).containsExactly("httpx.AsyncClient");
  }

  @Test
  void twoFilesWithOneModuleNameKeepTheirDefinitionsApart() {
    Project project =
        project(
            "tools/gen-docs/make.py", "def build(): pass\nbuild()\n",
            "tools/gen-api/make.py", "async def build(): pass\nbuild()\n");
    assertThat(project.index().function("make.build").isAsync()).isFalse();
    assertThat(project.index().function("make[2].build").isAsync()).isTrue();
    SourceModule second = project.index().module("make[2]");
    assertThat(project.callSites(second).get(0).target().qualifiedName())
        .isEqualTo("make[2].build");
    assertThat(project.index().modules()).hasSize(2);
  }

  @Test
  void starImportsResolveInsideTheProjectOnly() {
    Project project =
        project(
            "lib.py", "def tool(): pass\n",
            "a.py", "from lib import *\ntool()\nlen([])\n",
            "b.py", "from tkinter import *\nwidget()\nlen([])\n");
    assertThat(calls(project, "a")).containsExactly("tool -> lib.tool", "len -> builtins.len");
    assertThat(calls(project, "b")).containsExactly("widget -> ?", "len -> builtins.len");
  }

  @Test
  void callSitesKnowTheirContext() {
    Project project =
        project(
            "m.py",
            "import asyncio\n"
                + "async def worker(): pass\n"
                + "async def main(items):\n"
                + "    for item in items:\n"
                + "        asyncio.create_task(worker())\n"
                + "    def nested():\n        print()\n"
                + "    return [len(x) for x in items]\n");
    List<CallSite> sites = project.callSites(project.index().module("m"));
    CallSite createTask = sites.get(0);
    CallSite worker = sites.get(1);
    assertThat(createTask.asyncContext()).isTrue();
    assertThat(createTask.inLoop()).isTrue();
    assertThat(worker.argumentOf()).isSameAs(createTask);
    assertThat(worker.target().synchrony()).isEqualTo(CallTarget.Synchrony.ASYNC);
    CallSite print = sites.get(2);
    assertThat(print.asyncContext()).isFalse();
    assertThat(print.inLoop()).isFalse();
    assertThat(print.caller().qualifiedName()).isEqualTo("m.main.nested");
    CallSite len = sites.get(3);
    assertThat(len.asyncContext()).isTrue();
    assertThat(len.caller().qualifiedName()).isEqualTo("m.main");
  }

  @Test
  void functionsHandedToThreadsAndLoopCallbacksAreLinked() {
    Project project =
        project(
            "m.py",
            "import asyncio, functools, threading\n"
                + "def work(x=0): pass\n"
                + "def tick(): pass\n"
                + "async def main():\n"
                + "    await asyncio.to_thread(work, 1)\n"
                + "    loop = asyncio.get_running_loop()\n"
                + "    await loop.run_in_executor(None, functools.partial(work, 2))\n"
                + "    threading.Thread(target=work).start()\n"
                + "    loop.call_soon(tick)\n"
                + "    work()\n");
    FunctionInfo main = project.index().function("m.main");
    assertThat(
            main.calls().stream()
                .map(edge -> edge.callee().name() + ":" + edge.kind())
                .collect(Collectors.toList()))
        .containsExactly(
            "work:THREAD", "work:THREAD", "work:THREAD", "tick:LOOP_CALLBACK", "work:CALL");
    assertThat(project.index().function("m.work").callers()).hasSize(4);
  }

  @Test
  void requestHandlersComeFromDecoratorsRegistrationsAndViewClasses() {
    Project project =
        project(
            Set.of("myframework.endpoint"),
            "web/__init__.py",
            "",
            "web/app.py",
            "from flask import Flask, Blueprint\n"
                + "from fastapi import APIRouter\n"
                + "from aiohttp import web\n"
                + "from celery import Celery\n"
                + "import functools, myframework\n"
                + "app = Flask(__name__)\n"
                + "bp = Blueprint('b', __name__)\n"
                + "router = APIRouter()\n"
                + "routes = web.RouteTableDef()\n"
                + "queue = Celery()\n"
                + "@app.route('/')\ndef index(): return helper()\n"
                + "@bp.get('/b')\ndef blue(): pass\n"
                + "@router.post('/r')\nasync def create(): pass\n"
                + "@routes.get('/a')\nasync def aio_handler(request): pass\n"
                + "@queue.task\ndef job(): pass\n"
                + "@myframework.endpoint\ndef custom(): pass\n"
                + "@functools.lru_cache\ndef cached(): pass\n"
                + "def route(): pass\n"
                + "def helper(): return deep()\n"
                + "def deep(): pass\n",
            "web/views.py",
            "from django.views import View\n"
                + "from rest_framework.views import APIView\n"
                + "def listing(request): pass\n"
                + "class ItemView(View):\n    def get(self, request): pass\n"
                + "    def _private(self): pass\n"
                + "class Api(APIView):\n    def post(self, request): pass\n"
                + "class Plain:\n    def get(self): pass\n",
            "web/urls.py",
            "from django.urls import path\nfrom . import views\n"
                + "urlpatterns = [path('', views.listing), path('i/', views.ItemView.as_view())]\n");
    assertThat(names(project.requestHandlers()))
        .containsExactlyInAnyOrder(
            "web.app.index",
            "web.app.blue",
            "web.app.create",
            "web.app.aio_handler",
            "web.app.job",
            "web.app.custom",
            "web.views.listing",
            "web.views.ItemView.get",
            "web.views.Api.post");
    FunctionInfo deep = project.index().function("web.app.deep");
    assertThat(project.reachableFromHandler(deep)).isTrue();
    assertThat(
            project.pathFromHandler(deep).stream()
                .map(edge -> edge.caller().name() + "->" + edge.callee().name()))
        .containsExactly("index->helper", "helper->deep");
    assertThat(project.reachableFromHandler(project.index().function("web.app.cached"))).isFalse();
  }

  @Test
  void entryPointsAreCalledFromMainGuardsOrAreCommands() {
    Project project =
        project(
            "cli.py",
            "import click, asyncio\n"
                + "def main(): pass\n"
                + "async def serve(): pass\n"
                + "def helper(): pass\n"
                + "@click.command()\ndef cmd(): pass\n"
                + "helper()\n"
                + "if __name__ == '__main__':\n    main()\n    asyncio.run(serve())\n");
    assertThat(names(project.entryPoints()))
        .containsExactlyInAnyOrder("cli.main", "cli.serve", "cli.cmd");
    Project packaged =
        project(
            "tool/__init__.py", "def run(): pass\ndef unused(): pass\n",
            "tool/__main__.py", "from . import run\nrun()\n");
    assertThat(names(packaged.entryPoints())).containsExactly("tool.run");
  }

  /** Whether a function may reach {@code asyncio.run}, with the shortest chain of calls. */
  private static final class RunsLoop implements SummaryAnalysis<List<CallSite>> {
    private final Project project;

    RunsLoop(Project project) {
      this.project = project;
    }

    @Override
    public List<CallSite> initial(FunctionInfo function) {
      for (CallSite site : project.callSites(function.module())) {
        if (site.caller() == function && "asyncio.run".equals(site.target().qualifiedName())) {
          return List.of(site);
        }
      }
      return null;
    }

    @Override
    public List<CallSite> transfer(CallEdge edge, List<CallSite> callee) {
      if (edge.kind() != CallEdge.Kind.CALL) {
        return null;
      }
      List<CallSite> chain = new ArrayList<>();
      chain.add(edge.site());
      chain.addAll(callee);
      return List.copyOf(chain);
    }

    @Override
    public List<CallSite> join(List<CallSite> current, List<CallSite> contribution) {
      return contribution.size() < current.size() ? contribution : current;
    }
  }

  @Test
  void summariesReachAFixpointThroughCyclesWithShortestWitnesses() {
    Project project =
        project(
            "m.py",
            "import asyncio, threading\n"
                + "async def job(): pass\n"
                + "def runner(): asyncio.run(job())\n"
                + "def middle(): runner()\n"
                + "def top(): middle(); even(3)\n"
                + "def even(n): return n == 0 or odd(n - 1)\n"
                + "def odd(n): return even(n - 1) or middle()\n"
                + "def threaded(): threading.Thread(target=runner).start()\n"
                + "def quiet(): pass\n");
    Summaries<List<CallSite>> summaries = Summaries.compute(project, new RunsLoop(project));
    assertThat(summaries.of(project.index().function("m.runner"))).hasSize(1);
    assertThat(summaries.of(project.index().function("m.top"))).hasSize(3);
    assertThat(summaries.of(project.index().function("m.even"))).hasSize(4);
    assertThat(summaries.of(project.index().function("m.odd"))).hasSize(3);
    assertThat(summaries.of(project.index().function("m.threaded"))).isNull();
    assertThat(summaries.of(project.index().function("m.quiet"))).isNull();
  }

  @Test
  void callPathsShareTheirTailsAndCompareByTheirCalls() {
    Project project = project("m.py", "def a():\n    b()\ndef b():\n    c()\ndef c():\n    a()\n");
    CallEdge ab = project.index().function("m.a").calls().get(0);
    CallEdge bc = project.index().function("m.b").calls().get(0);
    CallEdge ca = project.index().function("m.c").calls().get(0);
    CallPath fromB = CallPath.empty().through(bc);
    CallPath fromA = fromB.through(ab);
    assertThat(CallPath.empty().length()).isZero();
    assertThat(CallPath.empty().edges()).isEmpty();
    assertThat(fromA.length()).isEqualTo(2);
    assertThat(fromA.edges()).containsExactly(ab, bc);
    assertThat(fromB.edges()).containsExactly(bc);
    CallPath again = CallPath.empty().through(bc).through(ab);
    assertThat(again).isEqualTo(fromA).hasSameHashCodeAs(fromA);
    assertThat(fromA).isNotEqualTo(fromB).isNotEqualTo(CallPath.empty().through(ca).through(ab));
    // Around the cycle many times: extending and comparing take no stack.
    CallPath longPath = CallPath.empty();
    CallPath longAgain = CallPath.empty();
    for (int i = 0; i < 30_000; i++) {
      CallEdge edge = List.of(ab, bc, ca).get(i % 3);
      longPath = longPath.through(edge);
      longAgain = longAgain.through(edge);
    }
    assertThat(longPath.length()).isEqualTo(30_000);
    assertThat(longPath.equals(longAgain)).isTrue();
    assertThat(longPath.equals(longAgain.through(ab))).isFalse();
    assertThat(longPath.edges()).hasSize(30_000);
  }
}
