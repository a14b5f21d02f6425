package com.refractoryatlas.references;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns articles, references and citations in the {@code references} database. */
@SpringBootApplication
public class ReferencesApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferencesApplication.class, args);
    }
}
