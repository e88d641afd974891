import Auth
import Fluent
import Organisation
import Plans

/// Every migration in the global order. Never edit a shipped migration; add a new one.
func registerMigrations(_ migrations: Migrations) {
    // 0001–0003 Organisation: registry, memberships, the 290 municipalities
    migrations.add(CreateOrganisationOrganisations())
    migrations.add(CreateOrganisationMemberships())
    migrations.add(SeedOrganisationMunicipalities())
    // 0004–0008 Plans: documents, versions, prose, goal trees, Agenda 2030 links
    migrations.add(CreatePlansDocuments())
    migrations.add(CreatePlansDocumentVersions())
    migrations.add(CreatePlansSections())
    migrations.add(CreatePlansNodes())
    migrations.add(CreatePlansAgenda2030Links())
    // 0009 Organisation: units, bodies, networks, listings, people and seats
    migrations.add(CreateOrganisationStructure())
    // 0010 Auth: users, roles, sessions, rate counters, audit trail
    migrations.add(CreateAuth())
    // 0011 Plans: node lineage and revision for versions and concurrent editing
    migrations.add(UpdatePlansNodesAddLineageAndRevision())
    // 0012 Auth: personal API tokens
    migrations.add(CreateAuthApiTokens())
    // 0013 Plans: names frozen at adoption
    migrations.add(UpdatePlansVersionsAddFrozenNames())
}
