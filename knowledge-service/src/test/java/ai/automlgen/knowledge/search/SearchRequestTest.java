package ai.automlgen.knowledge.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SearchRequestTest {
    @Test
    void unknownModalitySaysTheChoices() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SearchRequest("x", "imag", null, null, null, 10, null));
        assertEquals("unknown modality 'imag'; use one of [tabular, text, image, audio, time_series, mixed] "
                + "or leave it null", e.getMessage());
    }

    @Test
    void anyIsNoFilterAndModeDefaultsToHybrid() {
        SearchRequest request = new SearchRequest("x", "any", null, null, null, 10, null);
        assertNull(request.modality());
        assertEquals(SearchMode.HYBRID, request.mode());
    }

    @Test
    void limitOutsideRangeIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SearchRequest("x", null, null, null, null, 0, null));
        assertEquals("limit 0 is outside 1..100", e.getMessage());
    }

    @Test
    void blankTextIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SearchRequest(" ", null, null, null, null, 5, null));
        assertEquals("text is required: describe the task, the data or the problem", e.getMessage());
    }

    @Test
    void unknownModeSaysTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> SearchMode.parse("sparse"));
        assertEquals("unknown mode 'sparse'; use one of [hybrid, bm25, dense]", e.getMessage());
    }
}
