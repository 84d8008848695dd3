package io.github.atlassianlifecycle.api.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.github.atlassianlifecycle.batch.BatchRow;
import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.api.InvalidRequestException;
import io.github.atlassianlifecycle.api.ApiProblem;

/** Bulk bodies as they stream in: RFC 4180 CSV, JSON arrays, the single request's rules per row, and the limits. */
class BulkBodyReaderTest {

    static final String HEADER = "action,accountId,email,reason,reasonCode\n";
    final BulkBodyReader reader = new BulkBodyReader(10);

    @Test
    void quoted_fields_hold_commas_doubled_quotes_and_line_breaks_and_lines_count_where_rows_begin() {
        List<BatchRow> rows = reader.csv(body(HEADER
                + "DISABLE,acc-1,,\"Left, for good\",TERMINATION\r\n"
                + "DISABLE,acc-2,,\"Said \"\"bye\"\"\nover two lines\",OTHER\r\n"
                + "ENABLE,,back@example.com,Returns,\n"));
        assertThat(rows).extracting(BatchRow::line).containsExactly(2, 3, 5);
        assertThat(rows).allSatisfy(row -> assertThat(row.isRefused()).as(row.error()).isFalse());
        assertThat(rows.get(0).request().reason()).isEqualTo("Left, for good");
        assertThat(rows.get(1).request().reason()).isEqualTo("Said \"bye\"\nover two lines");
        assertThat(rows.get(2).request().action()).isEqualTo(LifecycleAction.ENABLE);
        assertThat(rows.get(2).request().email()).isEqualTo("back@example.com");
        assertThat(rows.get(2).request().reasonCode()).as("an empty cell is a field not given").isEqualTo("OTHER");
    }

    @Test
    void a_byte_order_mark_and_blank_lines_are_tolerated() {
        List<BatchRow> rows = reader.csv(body("\uFEFF" + HEADER + "\nDISABLE,acc-1,,Left,TERMINATION\n\n"));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.isRefused()).isFalse();
        });
    }

    @Test
    void a_row_that_breaks_a_rule_is_refused_with_every_reason_by_its_line_and_the_others_go_on() {
        List<BatchRow> rows = reader.csv(body(HEADER
                + "DISABLE,acc-1,,Left,TERMINATION\n"
                + "DISABLE,,not-an-email,,FIRED\n"
                + "DISABLE,acc-3,,Left\n"
                + "DISABLE,acc\"4,,Left,OTHER\n"
                + "DISABLE,\"acc-5\"x,,Left,OTHER\n"
                + "DISABLE,acc-6,,Left,OTHER\n"));
        assertThat(rows).extracting(BatchRow::line).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(rows).extracting(BatchRow::isRefused).containsExactly(false, true, true, true, true, false);
        assertThat(rows.get(1).error()).contains("email").contains("reason").contains("reasonCode");
        assertThat(rows.get(2).error()).contains("has 4 fields");
        assertThat(rows.get(3).error()).startsWith("malformed CSV: a quote inside unquoted field 2");
        assertThat(rows.get(4).error()).startsWith("malformed CSV: text after the closing quote of field 2");
    }

    @Test
    void a_quote_never_closed_refuses_the_rest_as_one_row() {
        List<BatchRow> rows = reader.csv(body(HEADER + "DISABLE,acc-1,,Left,OTHER\nDISABLE,acc-2,,\"Left,OTHER\n"
                + "DISABLE,acc-3,,Left,OTHER\n"));
        assertThat(rows).extracting(BatchRow::line).containsExactly(2, 3);
        assertThat(rows.get(1).error()).isEqualTo("malformed CSV: a quoted field is never closed");
    }

    @Test
    void a_wrong_or_missing_header_is_refused_naming_the_expected_one() {
        for (String body : List.of("", "action,accountId,email,reason\nDISABLE,a,,b\n",
                "accountId,action,email,reason,reasonCode\n", "ACTION,accountId,email,reason,reasonCode\n")) {
            assertThatThrownBy(() -> reader.csv(body(body))).as(body).isInstanceOfSatisfying(
                    InvalidRequestException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("header");
                        assertThat(error.message()).contains("action,accountId,email,reason,reasonCode");
                    }));
        }
    }

    @Test
    void the_optional_displayName_and_groups_columns_after_the_contracts_take_add_rows_with_groups_split_by_semicolons() {
        List<BatchRow> rows = reader.csv(body("action,accountId,email,reason,reasonCode,displayName,groups\n"
                + "ADD,,new@example.com,Joins,ACCESS_REQUEST,New Person,jira-software-users; confluence-users\n"
                + "DISABLE,acc-1,,Left,TERMINATION,,\n"
                + "ADD,,other@example.com,Joins,,\"Other, Person\",\n"));

        assertThat(rows).extracting(BatchRow::isRefused).containsExactly(false, false, false);
        assertThat(rows.get(0).request().displayName()).isEqualTo("New Person");
        assertThat(rows.get(0).request().groups()).containsExactly("jira-software-users", "confluence-users");
        assertThat(rows.get(1).request().groups()).isEmpty();
        assertThat(rows.get(2).request().displayName()).isEqualTo("Other, Person");
        assertThat(reader.csv(body("action,accountId,email,reason,reasonCode,groups\nDISABLE,acc-1,,Left,OTHER,\n")))
                .singleElement().satisfies(row -> assertThat(row.isRefused()).isFalse());
        assertThat(reader.csv(body("action,accountId,email,reason,reasonCode,displayName,groups\n"
                + "DISABLE,acc-1,,Left,OTHER\n"))).singleElement().satisfies(row -> assertThat(row.error())
                        .contains("has 5 fields; the header has 7"));
    }

    @Test
    void a_header_with_an_unknown_or_repeated_column_is_refused_naming_it() {
        assertThatThrownBy(() -> reader.csv(body("action,accountId,email,reason,reasonCode,manager\n")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("header");
                            assertThat(error.message()).contains("manager").contains("displayName, groups");
                        }));
        assertThatThrownBy(() -> reader.csv(body("action,accountId,email,reason,reasonCode,groups,groups\n")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).message())
                        .contains("groups").contains("more than once"));
    }

    @Test
    void json_items_are_the_single_requests_objects_named_by_their_index() {
        List<BatchRow> rows = reader.json(body("""
                [{"action":"DISABLE","accountId":"acc-1","reason":"Left","reasonCode":"TERMINATION"},
                 {"action":"ADD","email":"new@example.com","displayName":"New","groups":["jira:developers"],"reason":"Joins"},
                 {"action":"DISABLE","accountId":"acc-3","reason":"Left","approved":true},
                 "not an object"]"""));
        assertThat(rows).extracting(BatchRow::line).containsExactly(0, 1, 2, 3);
        assertThat(rows).extracting(BatchRow::isRefused).containsExactly(false, false, true, true);
        assertThat(rows.get(1).request().groups()).containsExactly("jira:developers");
        assertThat(rows.get(2).error()).contains("approved").contains("is not a field of a request");
        assertThat(rows.get(3).error()).contains("must be a JSON object");
    }

    @Test
    void a_body_that_is_not_a_json_array_is_refused_whole() {
        for (String body : List.of("{\"action\":\"DISABLE\"}", "[{\"action\":", "[] []", "")) {
            assertThatThrownBy(() -> reader.json(body(body))).as(body).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void more_rows_than_the_limit_are_refused_before_the_rest_is_read() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 11; i++) {
            csv.append("DISABLE,acc-").append(i).append(",,Left,OTHER\n");
        }
        assertThatThrownBy(() -> reader.csv(body(csv.toString()))).isInstanceOfSatisfying(ApiProblem.class,
                e -> assertThat(e.answer().getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
        String json = "[" + "{\"action\":\"DISABLE\",\"accountId\":\"a\",\"reason\":\"r\"},".repeat(10)
                + "{\"action\":\"DISABLE\",\"accountId\":\"a\",\"reason\":\"r\"}]";
        assertThatThrownBy(() -> reader.json(body(json))).isInstanceOfSatisfying(ApiProblem.class,
                e -> assertThat(e.answer().getBody().getType().toString()).endsWith("#too-many-rows"));
    }

    @Test
    void a_body_larger_than_its_rows_could_need_is_refused_without_reading_it_all() {
        InputStream endless = new InputStream() {
            int served;

            @Override
            public int read() {
                served++;
                return 'x';
            }
        };
        assertThatThrownBy(() -> reader.csv(new java.io.SequenceInputStream(body(HEADER + "DISABLE,acc-1,,"),
                endless))).isInstanceOfSatisfying(ApiProblem.class,
                        e -> assertThat(e.answer().getBody().getType().toString()).endsWith("#body-too-large"));
    }

    @Test
    void a_body_that_is_not_utf8_is_refused() {
        byte[] latin1 = (HEADER + "DISABLE,acc-1,,D\u00e9part,OTHER\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.csv(new ByteArrayInputStream(latin1)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("UTF-8"));
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
