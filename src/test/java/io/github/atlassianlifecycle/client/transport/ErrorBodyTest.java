package io.github.atlassianlifecycle.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.ApiFamily;

class ErrorBodyTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void organizations_errors_array_with_a_string_status() {
        ErrorBody error = ErrorBody.parse(ApiFamily.ORGANIZATIONS, """
                {"errors":[{"id":"1","status":"409","code":"ADMIN-UAM-409-2","title":"Resource Conflicts","detail":"already a member"}]}
                """, json);
        assertThat(error.errorKey()).isEqualTo("ADMIN-UAM-409-2");
        assertThat(error.detail()).isEqualTo("Resource Conflicts: already a member");
    }

    @Test
    void user_management_key_and_restriction_reason() {
        ErrorBody error = ErrorBody.parse(ApiFamily.USER_MANAGEMENT, """
                {"key":"forbidden.action","context":{"allowed":false,"reason":{"key":"externalDirectory.scim"}}}
                """, json);
        assertThat(error.errorKey()).isEqualTo("forbidden.action");
        assertThat(error.reasonKey()).isEqualTo("externalDirectory.scim");
    }

    @Test
    void user_management_lifecycle_conflict_lists_its_codes() {
        ErrorBody error = ErrorBody.parse(ApiFamily.USER_MANAGEMENT, """
                {"key":"conflict.lifecycleErrors","context":{"message":"not eligible","accountId":"a",
                 "errorCodes":[{"code":"ADMIN_ROLE","message":"is an org admin","link":"x"}]}}
                """, json);
        assertThat(error.errorKey()).isEqualTo("conflict.lifecycleErrors");
        assertThat(error.detail()).isEqualTo("not eligible; ADMIN_ROLE: is an org admin");
    }

    @Test
    void scim_scim_type() {
        ErrorBody error = ErrorBody.parse(ApiFamily.SCIM, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"taken"}
                """, json);
        assertThat(error.errorKey()).isEqualTo("uniqueness");
        assertThat(error.detail()).isEqualTo("taken");
    }

    @Test
    void jira_messages_and_field_errors() {
        ErrorBody error = ErrorBody.parse(ApiFamily.JIRA, """
                {"errorMessages":["Licence exceeded"],"errors":{"emailAddress":"invalid"},"status":400}
                """, json);
        assertThat(error.fieldErrors()).containsEntry("emailAddress", "invalid");
        assertThat(error.detail()).isEqualTo("Licence exceeded; emailAddress: invalid");
    }

    @Test
    void bitbucket_exception_name() {
        ErrorBody error = ErrorBody.parse(ApiFamily.BITBUCKET, """
                {"errors":[{"context":null,"message":"name taken","exceptionName":"com.atlassian.bitbucket.user.DuplicateUserException"}]}
                """, json);
        assertThat(error.errorKey()).endsWith("DuplicateUserException");
        assertThat(error.detail()).isEqualTo("name taken");
    }

    @Test
    void a_body_that_is_not_json_is_kept_short() {
        ErrorBody error = ErrorBody.parse(ApiFamily.JIRA, "<html>" + "x".repeat(1000) + "</html>", json);
        assertThat(error.errorKey()).isNull();
        assertThat(error.detail()).hasSizeLessThan(310).startsWith("<html>");
    }
}
