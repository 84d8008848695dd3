package io.github.atlassianlifecycle.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.atlassianlifecycle.client.bitbucket.BitbucketPage;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketUser;
import io.github.atlassianlifecycle.client.confluence.ConfluencePage;
import io.github.atlassianlifecycle.client.confluence.ConfluenceUser;
import io.github.atlassianlifecycle.client.jira.JiraPage;
import io.github.atlassianlifecycle.client.jira.JiraUser;

/** The product APIs' page shapes read as documented, whatever the names of their flags ({@code isLast}, ...). */
class ProductPagesJsonTest {

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

    @Test
    void jira_page_reads_is_last_and_the_next_offset_from_the_values_handed_out() throws Exception {
        JavaType type = json.getTypeFactory().constructParametricType(JiraPage.class, JiraUser.class);
        JiraPage<JiraUser> page = json.readValue("""
                {"self":"s","nextPage":"n","maxResults":3,"startAt":6,"total":20,"isLast":false,
                 "values":[{"accountId":"a","active":true,"groups":{"size":1,"items":[{"name":"g","groupId":"1"}]}},
                           {"accountId":"b","active":false,"unknownField":1}]}""", type);

        assertThat(page.last()).isFalse();
        assertThat(page.nextStartAt()).isEqualTo(8);
        assertThat(page.values().get(0).isMemberOf("1")).isTrue();
        assertThat(page.values().get(1).groupList()).isEmpty();

        JiraPage<JiraUser> last = json.readValue("{\"startAt\":0,\"maxResults\":50,\"isLast\":true,\"values\":[]}", type);
        assertThat(last.last()).isTrue();
        assertThat(last.values()).isEmpty();
    }

    @Test
    void confluence_page_has_a_next_page_only_while_links_next_is_there() throws Exception {
        JavaType type = json.getTypeFactory().constructParametricType(ConfluencePage.class, ConfluenceUser.class);
        ConfluencePage<ConfluenceUser> page = json.readValue("""
                {"results":[{"type":"known","accountId":"a"}],"start":4,"limit":1,"size":1,
                 "_links":{"base":"b","context":"/wiki","next":"/rest/api/group?start=5&limit=1"}}""", type);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.nextStart()).isEqualTo(5);

        ConfluencePage<ConfluenceUser> last = json.readValue(
                "{\"results\":[],\"start\":0,\"limit\":200,\"size\":0,\"_links\":{\"base\":\"b\"}}", type);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void bitbucket_page_reads_is_last_page_and_next_page_start() throws Exception {
        JavaType type = json.getTypeFactory().constructParametricType(BitbucketPage.class, BitbucketUser.class);
        BitbucketPage<BitbucketUser> page = json.readValue("""
                {"size":1,"limit":1,"isLastPage":false,"start":0,"nextPageStart":1,
                 "values":[{"name":"jdoe","emailAddress":"j@x","id":7,"displayName":"J","active":true,"slug":"jdoe",
                            "type":"NORMAL","links":{"self":[{"href":"h"}]}}]}""", type);
        assertThat(page.lastPage()).isFalse();
        assertThat(page.nextPageStart()).isEqualTo(1);
        assertThat(page.values().get(0).id()).isEqualTo(7L);

        BitbucketPage<BitbucketUser> last = json.readValue(
                "{\"size\":0,\"limit\":25,\"isLastPage\":true,\"start\":0,\"values\":[]}", type);
        assertThat(last.lastPage()).isTrue();
        assertThat(last.nextPageStart()).isNull();
    }
}
