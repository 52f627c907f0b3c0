package dev.asynclint.rules.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the knowledge base {@code async-apis.tsv} tells the task rules. */
class AsyncApisTest {
  private final AsyncApis apis = AsyncApis.get();

  @Test
  void coroutineFunctionsAndLazyAwaitablesAreLazy() {
    assertThat(apis.lazy("asyncio.sleep")).isTrue();
    assertThat(apis.lazy("asyncio.Queue.put")).isTrue();
    assertThat(apis.lazy("asyncio.AbstractEventLoop.sock_recv")).isTrue();
    assertThat(apis.lazy("aiohttp.ClientSession.get")).isTrue();
    assertThat(apis.lazy("aiofiles.threadpool.AsyncTextIOWrapper.write")).isTrue();
  }

  @Test
  void futuresAreKnownButNotLazy() {
    assertThat(apis.find("asyncio.gather").kind()).isEqualTo(AsyncApis.Kind.FUTURE);
    assertThat(apis.lazy("asyncio.AbstractEventLoop.run_in_executor")).isFalse();
    assertThat(apis.lazy("motor.motor_asyncio.AsyncIOMotorCollection.insert_one")).isFalse();
  }

  @Test
  void synchronousTwinsAreAbsent() {
    assertThat(apis.find("httpx.Client.get")).isNull();
    assertThat(apis.find("redis.Redis.set")).isNull();
    assertThat(apis.find("redis.asyncio.client.Pipeline.set")).isNull();
    assertThat(apis.find(null)).isNull();
  }

  @Test
  void onlyReadOnlyRequestsAreTaggedFetch() {
    assertThat(apis.find("httpx.AsyncClient.get").fetch()).isTrue();
    assertThat(apis.find("aiohttp.ClientSession.head").fetch()).isTrue();
    assertThat(apis.find("httpx.AsyncClient.post").fetch()).isFalse();
    assertThat(apis.find("asyncpg.Connection.fetch").fetch()).isFalse();
  }
}
