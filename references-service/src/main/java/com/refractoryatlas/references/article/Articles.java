package com.refractoryatlas.references.article;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The article feature's facade for the rest of the service (exports read an article's reference list). */
@Service
public class Articles {

    private final ArticleRepository repository;

    Articles(ArticleRepository repository) {
        this.repository = repository;
    }

    public Optional<Article> findById(String id) {
        return repository.findById(id);
    }

    /** Bulk load for data generators and benchmarks; real writes go through {@code upsertArticle}. */
    public void replaceAll(List<Article> batch) {
        repository.saveAll(batch);
    }
}
