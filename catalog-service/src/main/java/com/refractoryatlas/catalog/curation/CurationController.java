package com.refractoryatlas.catalog.curation;

import com.refractoryatlas.catalog.curation.Inputs.CatalogBatchInput;
import com.refractoryatlas.catalog.curation.Inputs.CatalogBatchResult;
import com.refractoryatlas.catalog.curation.Inputs.CatalogRetraction;
import com.refractoryatlas.catalog.curation.Inputs.ConditionInput;
import com.refractoryatlas.catalog.curation.Inputs.ConditionPatch;
import com.refractoryatlas.catalog.curation.Inputs.DeletePayload;
import com.refractoryatlas.catalog.curation.Inputs.TherapyInput;
import com.refractoryatlas.catalog.curation.Inputs.TherapyPatch;
import com.refractoryatlas.catalog.curation.Inputs.TreatmentInput;
import com.refractoryatlas.catalog.curation.Inputs.UnlinkTreatmentPayload;
import com.refractoryatlas.catalog.curation.Inputs.UpsertOutcome;
import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.Therapy;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.subgraph.Caller;
import graphql.GraphQLContext;
import java.util.HashMap;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The write API. {@code upsertCatalog} is the import service's (service credential, optionally acting for an
 * importer); every other mutation is an editor's, forwarded by the gateway with the user's roles.
 */
@Controller
class CurationController {

    private static final String IMPORTER = "importer";
    private static final String EDITOR = "editor";

    private final CatalogWriter writer;
    private final CurationService curation;
    private final ConflictRetry retry;

    CurationController(CatalogWriter writer, CurationService curation, ConflictRetry retry) {
        this.writer = writer;
        this.curation = curation;
        this.retry = retry;
    }

    @MutationMapping
    CatalogBatchResult upsertCatalog(@Argument CatalogBatchInput input, GraphQLContext context) {
        Caller.from(context).requireRole(IMPORTER, true);
        var written = new HashMap<String, UpsertOutcome>();
        return retry.run(() -> writer.upsert(input, written));
    }

    @MutationMapping
    CatalogRetraction retractCatalogBatch(@Argument String importJobId, GraphQLContext context) {
        Caller.from(context).requireRole(IMPORTER, true);
        return writer.retract(importJobId);
    }

    @MutationMapping
    Condition createCondition(@Argument ConditionInput input, GraphQLContext context) {
        editor(context);
        return retry.run(() -> curation.createCondition(input));
    }

    @MutationMapping
    Condition updateCondition(@Argument String id, @Argument ConditionPatch input, GraphQLContext context) {
        editor(context);
        return retry.run(() -> curation.updateCondition(id, input));
    }

    @MutationMapping
    DeletePayload deleteCondition(@Argument String id, GraphQLContext context) {
        editor(context);
        return retry.run(() -> curation.deleteCondition(id));
    }

    @MutationMapping
    Condition mergeConditions(@Argument String sourceId, @Argument String targetId, GraphQLContext context) {
        editor(context);
        return retry.run(() -> curation.mergeConditions(sourceId, targetId));
    }

    @MutationMapping
    Therapy createTherapy(@Argument TherapyInput input, GraphQLContext context) {
        editor(context);
        return retry.run(() -> curation.createTherapy(input));
    }

    @MutationMapping
    Therapy updateTherapy(@Argument String id, @Argument TherapyPatch input, GraphQLContext context) {
        editor(context);
        return retry.run(() -> curation.updateTherapy(id, input));
    }

    @MutationMapping
    DeletePayload deleteTherapy(@Argument String id, GraphQLContext context) {
        editor(context);
        return retry.run(() -> curation.deleteTherapy(id));
    }

    @MutationMapping
    Therapy mergeTherapies(@Argument String sourceId, @Argument String targetId, GraphQLContext context) {
        editor(context);
        return retry.run(() -> curation.mergeTherapies(sourceId, targetId));
    }

    @MutationMapping
    Treatment linkTreatment(@Argument TreatmentInput input, GraphQLContext context) {
        editor(context);
        return retry.run(() -> curation.linkTreatment(input));
    }

    @MutationMapping
    UnlinkTreatmentPayload unlinkTreatment(
            @Argument String conditionId, @Argument String therapyId, GraphQLContext context) {
        editor(context);
        return retry.run(() -> curation.unlinkTreatment(conditionId, therapyId));
    }

    private static void editor(GraphQLContext context) {
        Caller.from(context).requireRole(EDITOR, false);
    }
}
