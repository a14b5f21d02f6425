package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorNamesTests {

    @Test
    void readsFamilyGivenPairsWithSuffixes() {
        assertThat(AuthorNames.parse("Mathew, Sanjay J., Zarate, Carlos A. Jr."))
                .containsExactly(
                        new ParsedAuthor("Mathew", "Sanjay J.", null), new ParsedAuthor("Zarate", "Carlos A.", "Jr."));
    }

    @Test
    void readsVancouverInitialsPrintedApart() {
        // Ubiquity Press: "Wicherts J M, Borsboom D, Kats K and Molenaar D"
        assertThat(AuthorNames.parse("Wicherts J M, Borsboom D, Kats K and Molenaar D"))
                .containsExactly(
                        new ParsedAuthor("Wicherts", "JM", null),
                        new ParsedAuthor("Borsboom", "D", null),
                        new ParsedAuthor("Kats", "K", null),
                        new ParsedAuthor("Molenaar", "D", null));
        assertThat(AuthorNames.parse("Van Der Berg A, Cooper M L"))
                .containsExactly(new ParsedAuthor("Van Der Berg", "A", null), new ParsedAuthor("Cooper", "ML", null));
    }

    @Test
    void readsHyphenatedVancouverInitials() {
        // BMC Medicine: "Dodd JM, Grivell RM, Nguyen A-M, Chan A, Robinson JS"
        assertThat(AuthorNames.parse("Dodd JM, Grivell RM, Nguyen A-M, Chan A, Robinson JS"))
                .extracting(ParsedAuthor::family)
                .containsExactly("Dodd", "Grivell", "Nguyen", "Chan", "Robinson");
        assertThat(AuthorNames.parse("Lee J-P, Kim S-H"))
                .extracting(ParsedAuthor::family)
                .containsExactly("Lee", "Kim");
    }

    @Test
    void readsCollegesUniversitiesAndCommunitiesAsCorporateAuthors() {
        assertThat(AuthorNames.corporate("American College of Obstetricians and Gynecologists"))
                .isEqualTo(new ParsedAuthor("American College of Obstetricians and Gynecologists", null, null));
        assertThat(AuthorNames.corporate("University of York.")).isNotNull();
        assertThat(AuthorNames.corporate("European Communities.")).isNotNull();
        assertThat(AuthorNames.corporate("Cochrane Bone, Joint and Muscle Trauma Group"))
                .isNotNull();
        // people are no body, whatever words they share with one
        assertThat(AuthorNames.corporate("College J, University K")).isNull();
    }

    @Test
    void endsTheListAtItsTruncationMark() {
        // the Microbiology Society's journals print ten authors and then "& other authors"
        assertThat(AuthorNames.parse("Sayers, E. W., Barrett, T., Benson, D. A. & other authors"))
                .extracting(ParsedAuthor::family)
                .containsExactly("Sayers", "Barrett", "Benson");
        assertThat(AuthorNames.parse("Smith J, Brown K, and others"))
                .extracting(ParsedAuthor::family)
                .containsExactly("Smith", "Brown");
        assertThat(AuthorNames.parse("Smith, J., Otherson, K."))
                .extracting(ParsedAuthor::family)
                .containsExactly("Smith", "Otherson");
    }

    @Test
    void aGroupClosingTheListIsItsLastAuthor() {
        assertThat(AuthorNames.parse("Boutron I, Moher D, Ravaud P, for the CONSORT Group"))
                .containsExactly(
                        new ParsedAuthor("Boutron", "I", null),
                        new ParsedAuthor("Moher", "D", null),
                        new ParsedAuthor("Ravaud", "P", null),
                        new ParsedAuthor("CONSORT Group", null, null));
        assertThat(AuthorNames.parse("Long AF, Bowen A, on behalf of the ACT NoW Study"))
                .extracting(ParsedAuthor::family)
                .containsExactly("Long", "Bowen", "ACT NoW Study");
        assertThat(AuthorNames.parse("Momomura S, Yokoyama H; the SAVIOR-R investigators"))
                .extracting(ParsedAuthor::family)
                .containsExactly("Momomura", "Yokoyama", "SAVIOR-R investigators");
        assertThat(AuthorNames.parse("Hobbs FD, Hare R, Midlands Research Practices Consortium (MidReC)"))
                .extracting(ParsedAuthor::family)
                .containsExactly("Hobbs", "Hare", "Midlands Research Practices Consortium (MidReC)");
        // a group printed in parts is one group (BMC Trials 15:511, reference 6)
        assertThat(AuthorNames.parse("Furlan AD, Pennick V, van Tulder M, Editorial Board, Cochrane Back Review Group"))
                .extracting(ParsedAuthor::family)
                .containsExactly("Furlan", "Pennick", "van Tulder", "Editorial Board, Cochrane Back Review Group");
        // an institution is no group: the byline "John Smith, Karolinska Institute" names one person and a place
        assertThat(AuthorNames.looksLikeNameList("Smith J, Karolinska Institute"))
                .isFalse();
    }

    @Test
    void readsAGenerationalSuffixBetweenFamilyAndInitials() {
        assertThat(AuthorNames.parse("Wolf MS, Bass 3rd PF, Fox 4th JW"))
                .containsExactly(
                        new ParsedAuthor("Wolf", "MS", null),
                        new ParsedAuthor("Bass", "PF", "3rd"),
                        new ParsedAuthor("Fox", "JW", "4th"));
    }

    @Test
    void readsSuffixPrintedAsItsOwnItem() {
        assertThat(AuthorNames.parse("Saleem, Moin A, Jr, Feltran, Luciana"))
                .containsExactly(
                        new ParsedAuthor("Saleem", "Moin A", "Jr"), new ParsedAuthor("Feltran", "Luciana", null));
    }

    @Test
    void readsGivenFamilyWithParticles() {
        assertThat(AuthorNames.parse(
                        "Joanneke A van der Wee, Anne Marie Van de Velde, Johann S de Bono, Jan Van Zundert"))
                .containsExactly(
                        new ParsedAuthor("van der Wee", "Joanneke A", null),
                        new ParsedAuthor("Van de Velde", "Anne Marie", null),
                        new ParsedAuthor("de Bono", "Johann S", null),
                        new ParsedAuthor("Van Zundert", "Jan", null));
    }

    @Test
    void readsGivenFamilyWithDottedInitialsAndHyphenatedFamilies() {
        assertThat(AuthorNames.parse("William W. Busse, J. Mark FitzGerald, Marwa El-Gaafary, Md Saquib"))
                .containsExactly(
                        new ParsedAuthor("Busse", "William W.", null),
                        new ParsedAuthor("FitzGerald", "J. Mark", null),
                        new ParsedAuthor("El-Gaafary", "Marwa", null),
                        new ParsedAuthor("Saquib", "Md", null));
    }

    @Test
    void readsFamilyGivenWithParticleFamilies() {
        assertThat(AuthorNames.parse("van Husen, Maike, De Vries, Pieter J."))
                .containsExactly(
                        new ParsedAuthor("van Husen", "Maike", null), new ParsedAuthor("De Vries", "Pieter J.", null));
    }

    @Test
    void readsVancouverInitialsAndDropsEtAl() {
        assertThat(AuthorNames.parse("Gaynes BN, Lux L, van der Wee JA, Zarate CA Jr, et al."))
                .containsExactly(
                        new ParsedAuthor("Gaynes", "BN", null),
                        new ParsedAuthor("Lux", "L", null),
                        new ParsedAuthor("van der Wee", "JA", null),
                        new ParsedAuthor("Zarate", "CA", "Jr."));
    }

    @Test
    void readsSemicolonLists() {
        assertThat(AuthorNames.parse("Smith, John A.; O'Neill, Mary; Chen Wei"))
                .containsExactly(
                        new ParsedAuthor("Smith", "John A.", null),
                        new ParsedAuthor("O'Neill", "Mary", null),
                        new ParsedAuthor("Wei", "Chen", null));
    }

    @Test
    void readsAmpersandAndAnd() {
        assertThat(AuthorNames.parse("Kellner, C. H., & Greenberg, R. M."))
                .containsExactly(
                        new ParsedAuthor("Kellner", "C. H.", null), new ParsedAuthor("Greenberg", "R. M.", null));
        assertThat(AuthorNames.parse("Ana Lopez and Tom Baker"))
                .containsExactly(new ParsedAuthor("Lopez", "Ana", null), new ParsedAuthor("Baker", "Tom", null));
    }

    @Test
    void givesNothingForAnEmptyList() {
        assertThat(AuthorNames.parse("  . ")).isEmpty();
    }

    @Test
    void keepsACorporateAuthorWholeAsItsFamilyName() {
        assertThat(AuthorNames.parse("World Health Organization."))
                .containsExactly(new ParsedAuthor("World Health Organization", null, null));
        assertThat(AuthorNames.parse(
                        "National Center for Epidemiology, Ministry of Public Health and Social Assistance"))
                .containsExactly(new ParsedAuthor(
                        "National Center for Epidemiology, Ministry of Public Health and Social Assistance",
                        null,
                        null));
    }

    @Test
    void peopleWithInitialsBesideAnOrganizationWordAreStillPeople() {
        assertThat(AuthorNames.parse("Center JA, Group B"))
                .extracting(ParsedAuthor::family)
                .containsExactly("Center", "Group");
    }
}
