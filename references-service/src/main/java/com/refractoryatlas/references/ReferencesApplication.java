package com.refractoryatlas.references;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Owns articles, references and citations in the {@code references} database. */
@SpringBootApplication
@EnableConfigurationProperties(ReferencesProperties.class)
public class ReferencesApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferencesApplication.class, args);
    }
}
