package com.refractoryatlas.importer;

import com.refractoryatlas.importer.cli.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs import jobs, kept in the {@code imports} database. {@code java -jar import-service.jar import <folder>} runs
 * the command-line folder import instead of the service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImportApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ImportCommand.NAME.equals(args[0])) {
            System.exit(ImportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(ImportApplication.class, args);
    }
}
