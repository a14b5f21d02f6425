package com.refractoryatlas.importer.job;

import com.refractoryatlas.importer.ImportProperties;
import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.Caller;
import com.refractoryatlas.subgraph.Connection;
import com.refractoryatlas.subgraph.PageRequest;
import graphql.GraphQLContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The import API. Every read goes through the caller's {@link Viewer}: a job nobody may show to this caller is
 * answered as if it did not exist.
 */
@Controller
class ImportJobController {

    static final String IMPORTER_ROLE = Viewer.IMPORTER_ROLE;
    private static final int MAX_SOURCE_LENGTH = 1024;
    private static final int MAX_MEDIA_TYPE_LENGTH = 255;
    private static final int MAX_CODE_LENGTH = 100;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/"
            + "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(;[ \\t]*[A-Za-z0-9!#$&^_.+-]{1,127}=[^;\\r\\n]{0,200})*");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final ImportJobs jobs;
    private final long maxDocumentBytes;

    ImportJobController(ImportJobs jobs, ImportProperties properties) {
        this.jobs = jobs;
        this.maxDocumentBytes = properties.limits().documentBytes().toBytes();
    }

    /**
     * The contract's {@code ImportDocumentInput}: exactly one of {@code text} (the document as UTF-8 text) and
     * {@code content} (the base64 of the file's bytes: PDF, XML, BibTeX, ...), with an optional media type.
     */
    record ImportDocumentInput(
            String source,
            @Nullable String text,
            @Nullable String content,
            @Nullable String mediaType) {}

    @MutationMapping
    ImportJob importDocument(@Argument ImportDocumentInput input, GraphQLContext context) {
        var caller = Caller.from(context);
        caller.requireRole(IMPORTER_ROLE, false);
        var source = input.source().strip();
        if (source.isEmpty()) {
            throw ApiException.badUserInput("input.source", "must not be blank");
        }
        if (source.length() > MAX_SOURCE_LENGTH) {
            throw ApiException.badUserInput("input.source", "must be at most " + MAX_SOURCE_LENGTH + " characters");
        }
        var mediaType = mediaType(input.mediaType());
        var bytes = bytes(input);
        return jobs.submit(source, bytes, mediaType, submitter(context));
    }

    /** The importer's user id; jobs submitted through the gateway without one belong to nobody in particular. */
    private static @Nullable String submitter(GraphQLContext context) {
        return UserIdInterceptor.userOf(context);
    }

    private byte[] bytes(ImportDocumentInput input) {
        var text = input.text();
        var content = input.content();
        if ((text == null) == (content == null)) {
            throw ApiException.badUserInput(
                    "input", "give exactly one of text (the document as text) or content (its bytes, base64)");
        }
        if (text != null) {
            if (text.length() > maxDocumentBytes) {
                throw SubmissionRefusedException.tooLarge(text.length(), maxDocumentBytes);
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return decodeBase64(content);
    }

    /** Strict base64 (standard alphabet, padding optional), line breaks and spaces allowed between characters. */
    private byte[] decodeBase64(String content) {
        var compact = new StringBuilder(content.length());
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                compact.append(c);
            }
        }
        long decodedLength = compact.length() / 4L * 3;
        if (decodedLength > maxDocumentBytes + 3) {
            throw SubmissionRefusedException.tooLarge(decodedLength, maxDocumentBytes);
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException invalid) {
            throw ApiException.badUserInput("input.content", "is not valid base64");
        }
    }

    private static @Nullable String mediaType(@Nullable String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return null;
        }
        var value = mediaType.strip();
        if (value.length() > MAX_MEDIA_TYPE_LENGTH || !MEDIA_TYPE.matcher(value).matches()) {
            throw ApiException.badUserInput("input.mediaType", "is not a media type such as application/pdf");
        }
        return value;
    }

    /** Resolves {@code _entities} representations in one query, answering null for unknown or hidden ids. */
    @EntityMapping
    List<@Nullable ImportJob> importJob(@Argument List<String> idList, GraphQLContext context) {
        var viewer = viewer(context);
        var found = jobs.findAll(idList).stream()
                .filter(viewer::sees)
                .collect(Collectors.toMap(ImportJob::id, Function.identity()));
        return idList.stream().map(found::get).toList();
    }

    @QueryMapping
    @Nullable
    ImportJob importJob(@Argument String id, GraphQLContext context) {
        var viewer = viewer(context);
        return jobs.find(id).filter(viewer::sees).orElse(null);
    }

    @QueryMapping
    Connection<ImportJob> importJobs(
            @Argument @Nullable ImportStatus status,
            @Argument @Nullable String checksum,
            @Argument @Nullable String warning,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable Integer last,
            @Argument @Nullable String before,
            GraphQLContext context) {
        if (checksum != null && !SHA256_HEX.matcher(checksum.strip()).matches()) {
            throw ApiException.badUserInput("checksum", "must be a SHA-256 digest: 64 hexadecimal digits");
        }
        if (warning != null && (warning.isBlank() || warning.length() > MAX_CODE_LENGTH)) {
            throw ApiException.badUserInput("warning", "must be a warning code such as MISSING_DOI");
        }
        var query = new JobQuery(viewer(context), status, checksum, warning);
        return jobs.list(query, PageRequest.of(first, after, last, before, ImportJobs.CURSOR_ARITY));
    }

    /** A reference to the article the job wrote, resolved by the references subgraph through the gateway. */
    @SchemaMapping
    ArticleController.@Nullable Article article(ImportJob job) {
        var articleId = job.articleId();
        return articleId == null ? null : new ArticleController.Article(articleId);
    }

    static Viewer viewer(GraphQLContext context) {
        return Viewer.of(Caller.from(context), UserIdInterceptor.userOf(context));
    }
}
