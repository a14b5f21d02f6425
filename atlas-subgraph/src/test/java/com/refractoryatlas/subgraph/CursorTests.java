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
        assertThat(PageRequest.of(100, null, 1).first()).isEqualTo(100);
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
}
