package com.refractoryatlas.references.export;

import com.refractoryatlas.references.article.Article;
import com.refractoryatlas.references.article.Articles;
import com.refractoryatlas.references.article.Citation;
import com.refractoryatlas.references.reference.Reference;
import com.refractoryatlas.references.reference.References;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads an article's reference list as a file for reference managers:
 * {@code GET /articles/{id}/references.bib} ({@code application/x-bibtex}) and {@code .ris}
 * ({@code application/x-research-info-systems}). Article ids may hold slashes ({@code doi:10.1000/xyz}), so the path
 * is matched as a whole and the id is what precedes the file name. Unknown articles get a 404 problem document with
 * {@code code: NOT_FOUND}.
 */
@RestController
class ReferenceListDownloadController {

    private static final MediaType BIBTEX = new MediaType("application", "x-bibtex", StandardCharsets.UTF_8);
    private static final MediaType RIS =
            new MediaType("application", "x-research-info-systems", StandardCharsets.UTF_8);
    private static final String BIB_FILE = "/references.bib";
    private static final String RIS_FILE = "/references.ris";

    private final Articles articles;
    private final References references;
    private final BibTeXExporter bibtex;
    private final RisExporter ris;

    ReferenceListDownloadController(Articles articles, References references, BibTeXExporter bibtex, RisExporter ris) {
        this.articles = articles;
        this.references = references;
        this.bibtex = bibtex;
        this.ris = ris;
    }

    @GetMapping("/articles/{*path}")
    ResponseEntity<?> download(@PathVariable String path) {
        if (path.endsWith(BIB_FILE)) {
            return file(idBefore(path, BIB_FILE), BIBTEX, ".bib", true);
        }
        if (path.endsWith(RIS_FILE)) {
            return file(idBefore(path, RIS_FILE), RIS, ".ris", false);
        }
        return notFound("No download at /articles" + path + "; use /articles/{id}/references.bib or .ris");
    }

    private ResponseEntity<?> file(String articleId, MediaType type, String extension, boolean asBibtex) {
        var article = articles.findById(articleId).orElse(null);
        if (article == null) {
            return notFound("Article " + articleId + " not found");
        }
        var list = referenceList(article);
        var body = asBibtex ? bibtex.export(list) : ris.export(list);
        var filename = articleId.replaceAll("[^A-Za-z0-9._-]+", "_") + "-references" + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    /** The article's references in marker order, each work once. */
    private List<Reference> referenceList(Article article) {
        var ids = article.citations().stream()
                .map(Citation::referenceId)
                .distinct()
                .toList();
        var found = references.findAllById(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private static String idBefore(String path, String file) {
        return path.substring(1, path.length() - file.length());
    }

    private static ResponseEntity<ProblemDetail> notFound(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        problem.setProperty("code", "NOT_FOUND");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
