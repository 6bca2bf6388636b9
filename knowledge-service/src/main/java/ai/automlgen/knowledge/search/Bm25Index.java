package ai.automlgen.knowledge.search;

import ai.automlgen.knowledge.kb.Entity;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lucene BM25 over the entities, in memory. Each query term is searched in every field with the
 * field's boost (a title or tag match says more than one in the prose); English stemming and stop
 * words. Query text is tokenised, never parsed, so tracebacks full of brackets and colons are safe.
 */
public final class Bm25Index implements AutoCloseable {
    /** Field → boost. "signals" holds a pitfall's error signatures and fix. */
    static final Map<String, Float> FIELD_BOOSTS = Map.of(
            "title", 3.0f,
            "id", 2.0f,
            "tags", 2.0f,
            "summary", 1.0f,
            "when_to_use", 1.0f,
            "signals", 1.0f);
    private static final int MAX_QUERY_TERMS = 96;
    private static final String ORDINAL = "ordinal";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    public Bm25Index(List<Entity> entities) {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int ordinal = 0; ordinal < entities.size(); ordinal++) {
                writer.addDocument(document(entities.get(ordinal), ordinal));
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the BM25 index: " + e.getMessage(), e);
        }
        searcher = new IndexSearcher(reader);
    }

    private static Document document(Entity entity, int ordinal) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ORDINAL, ordinal));
        doc.add(new TextField("id", entity.id().replace('.', ' ').replace('_', ' '), Field.Store.NO));
        doc.add(new TextField("title", entity.title(), Field.Store.NO));
        doc.add(new TextField("tags", String.join(" ", entity.tags()).replace('_', ' '), Field.Store.NO));
        doc.add(new TextField("summary", entity.summary(), Field.Store.NO));
        doc.add(new TextField("when_to_use", entity.whenToUse(), Field.Store.NO));
        String signals = String.join(" ", entity.errorSignatures()).replaceAll("[\\\\^$.*+?()\\[\\]{}|]", " ")
                + " " + entity.fix();
        doc.add(new TextField("signals", signals, Field.Store.NO));
        return doc;
    }

    /** Up to {@code n} entities among {@code allowed}, best first; empty when no term matches or n <= 0. */
    public List<Scored> search(String text, BitSet allowed, int n) {
        if (n <= 0) {
            return List.of();
        }
        Set<String> terms = terms(text);
        if (terms.isEmpty() || allowed.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            FIELD_BOOSTS.forEach((field, boost) -> query.add(
                    new BoostQuery(new TermQuery(new Term(field, term)), boost), BooleanClause.Occur.SHOULD));
        }
        try {
            ScoreDoc[] docs = searcher.search(query.build(), Math.max(1, reader.maxDoc())).scoreDocs;
            List<Scored> result = new ArrayList<>();
            for (ScoreDoc doc : docs) {
                int ordinal = ordinal(doc.doc);
                if (allowed.get(ordinal)) {
                    result.add(new Scored(ordinal, doc.score));
                    if (result.size() == n) {
                        break;
                    }
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("BM25 search failed: " + e.getMessage(), e);
        }
    }

    private int ordinal(int docId) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL);
        values.advanceExact(docId - leaf.docBase);
        return (int) values.longValue();
    }

    /** Distinct analysed terms of the text, in order, at most {@value #MAX_QUERY_TERMS}. */
    Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("summary", text.replace('_', ' '))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
