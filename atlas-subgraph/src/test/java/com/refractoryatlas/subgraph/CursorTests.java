package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void roundTripsKeysWithAnyCharacters() {
        var cursor = Cursor.encode("Depression, treatment-resistant", "depression:1");
        assertThat(Cursor.decode(cursor, 2)).containsExactly("Depression, treatment-resistant", "depression:1");
    }

    @Test
    void rejectsGarbageAsBadUserInput() {
        assertThatThrownBy(() -> Cursor.decode("%%%not-base64", 1))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo(ErrorCode.BAD_USER_INPUT);
    }

    @Test
    void rejectsACursorOfAnotherShape() {
        var twoKeys = Cursor.encode("a", "b");
        assertThatThrownBy(() -> Cursor.decode(twoKeys, 1)).hasMessageContaining("malformed cursor");
    }

    @Test
    void pageRequestCapsFirstAtOneHundred() {
        assertThat(PageRequest.of(100, null, 1).size()).isEqualTo(100);
        assertThatThrownBy(() -> PageRequest.of(101, null, 1))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("at most 100");
        assertThatThrownBy(() -> PageRequest.of(-1, null, 1)).isInstanceOf(ApiException.class);
    }

    @Test
    void connectionUsesTheExtraRowOnlyToSignalANextPage() {
        var page = PageRequest.of(2, null, 1);
        var connection = Connection.of(List.of("a", "b", "c"), page, Cursor::encode, 3);
        assertThat(connection.edges()).extracting(Connection.Edge::node).containsExactly("a", "b");
        assertThat(connection.pageInfo().hasNextPage()).isTrue();
        assertThat(Cursor.decode(connection.pageInfo().endCursor(), 1)).containsExactly("b");
    }

    @Test
    void refusesFirstAndLastTogetherAsBadUserInput() {
        assertThatThrownBy(() -> PageRequest.of(5, null, 5, null, 1))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("first and last")
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo(ErrorCode.BAD_USER_INPUT);
    }

    @Test
    void boundsLastAsFirstAndNamesTheArgumentInTheError() {
        assertThat(PageRequest.of(null, null, 100, null, 1).size()).isEqualTo(100);
        assertThatThrownBy(() -> PageRequest.of(null, null, 101, null, 1))
                .hasMessageContaining("last: must be at most 100");
        assertThatThrownBy(() -> PageRequest.of(null, null, -1, null, 1))
                .hasMessageContaining("last: must not be negative");
        assertThatThrownBy(() -> PageRequest.of(null, null, 2, "garbage!", 1))
                .hasMessageContaining("before: malformed cursor");
    }

    @Test
    void defaultsToTwentyForwardWhenNeitherCountIsGiven() {
        var page = PageRequest.of(null, null, null, Cursor.encode("m"), 1);
        assertThat(page.size()).isEqualTo(PageRequest.DEFAULT_SIZE);
        assertThat(page.backward()).isFalse();
        assertThat(page.before()).containsExactly("m");
    }

    @Test
    void backwardPageComesBackInConnectionOrderWithThePreviousPageFlag() {
        var page = PageRequest.of(null, null, 2, Cursor.encode("d"), 1);
        // the repository reads backward from the cursor: c, b, then the extra row a
        var connection = Connection.of(List.of("c", "b", "a"), page, Cursor::encode, 4);

        assertThat(connection.edges()).extracting(Connection.Edge::node).containsExactly("b", "c");
        assertThat(connection.pageInfo().hasPreviousPage()).isTrue();
        assertThat(connection.pageInfo().hasNextPage()).isFalse();
        assertThat(Cursor.decode(connection.pageInfo().startCursor(), 1)).containsExactly("b");
        assertThat(Cursor.decode(connection.pageInfo().endCursor(), 1)).containsExactly("c");
    }

    @Test
    void backwardPageWithoutAnExtraRowIsTheFirstPage() {
        var page = PageRequest.of(null, null, 5, null, 1);
        var connection = Connection.of(List.of("b", "a"), page, Cursor::encode, 2);

        assertThat(connection.edges()).extracting(Connection.Edge::node).containsExactly("a", "b");
        assertThat(connection.pageInfo().hasPreviousPage()).isFalse();
    }

    @Test
    void forwardPageGivesItsStartCursor() {
        var connection = Connection.of(List.of("a", "b"), PageRequest.of(5, null, 1), Cursor::encode, 2);
        assertThat(Cursor.decode(connection.pageInfo().startCursor(), 1)).containsExactly("a");
        assertThat(connection.pageInfo().hasPreviousPage()).isFalse();
        assertThat(Connection.empty().pageInfo()).isEqualTo(Connection.PageInfo.empty());
    }
}
