@testable import Agreements
import AppTestSupport
import Core
@testable import Finance
@testable import FollowUp
import Foundation
import OpenAPIKit
@testable import Organisation
@testable import Plans
@testable import SamsynApp
import Testing
import Vapor

/// The OpenAPI document is assembled from the routes; these tests keep it honest.
@Suite("The OpenAPI contract")
struct OpenAPIContractTests {
    /// Each schema and the type whose JSON it describes.
    static let responseTypes: [(String, any Codable.Type)] = [
        ("Organisation", OrganisationDTO.self), ("Actor", OrganisationStructure.Actor.self), ("Listing", OrganisationStructure.Listing.self),
        ("Unit", OrganisationStructure.UnitInfo.self), ("Seat", OrganisationStructure.SeatInfo.self), ("Group", OrganisationStructure.GroupInfo.self),
        ("Person", OrganisationStructure.PersonInfo.self), ("Structure", OrganisationStructure.self), ("ChartBox", OrganisationStructure.ChartBox.self), ("PageLink", PageLink.self),
        ("ExternalBody", OrganisationStructure.ExternalBody.self),
        ("Agreement", AgreementContent.self), ("AgreementInput", AgreementInput.self), ("Meeting", MeetingDTO.self), ("MeetingInput", MeetingRecord.self),
        ("ParticipationMark", ParticipationMarkDTO.self),
        ("GroupDetail", StructureController.GroupDetailDTO.self), ("ActorDetail", StructureController.ActorDetailDTO.self),
        ("DocumentSummary", DocumentSummary.self), ("VersionInfo", DocumentContent.VersionInfo.self), ("AdoptingBody", Plans.Adoption.self), ("PartyCommitments", PartyCommitments.self),
        ("DocumentLink", AgreementContent.DocumentLink.self),
        ("BudgetSummary", BudgetSummary.self), ("Budget", BudgetContent.self), ("Fees", FeeContent.self), ("FeeBasis", FeeBasis.self),
        ("Outcomes", OutcomeContent.self), ("ImportReport", OutcomeImport.Report.self), ("ForecastInput", OutcomeAPIController.ForecastInput.self),
        ("Financing", FinancingContent.self), ("FundingSpec", FundingSpec.self), ("FundingInput", OutcomeAPIController.FundingInput.self),
        ("Funding", FundingContent.self), ("OutcomeMapping", OutcomeMapping.self), ("GoalAreaLinks", LineGoalController.Input.self),
        ("NewBudget", BudgetAPIController.NewBudget.self), ("BudgetInput", BudgetAPIController.BudgetInput.self),
        ("BudgetDecision", BudgetAPIController.Decision.self),
        ("Accession", AccessionContent.self), ("AccessionApplication", ApplicationContent.self), ("AccessionDecision", Accessions.Decision.self), ("Section", DocumentContent.Section.self),
        ("Agenda2030Entry", DocumentContent.Agenda2030Entry.self), ("NodeReference", NodeReference.self), ("Node", DocumentContent.Node.self),
        ("Reference", DocumentContent.Reference.self), ("References", DocumentContent.References.self),
        ("Document", DocumentContent.self), ("Tree", DocumentAPIController.TreeDTO.self), ("NodeDetail", DocumentAPIController.NodeDTO.self),
        ("Agenda2030Uses", DocumentAPIController.Agenda2030DTO.self), ("Goal", DocumentAPIController.GoalDTO.self),
        ("EditableNode", EditorAPIController.EditableNode.self), ("Created", EditorAPIController.Created.self),
        ("NewDocument", EditorAPIController.NewDocument.self), ("NewNode", EditorAPIController.NewNode.self), ("Move", EditorAPIController.Move.self),
        ("Adoption", EditorAPIController.Adoption.self), ("Facts", EditorAPIController.Facts.self), ("NodeUpdate", EditorAPIController.NodeUpdate.self),
        ("VersionDetails", EditorAPIController.VersionDetails.self), ("SectionInput", EditorAPIController.SectionInput.self),
        ("SectionCreated", EditorAPIController.SectionCreated.self), ("Step", EditorAPIController.Step.self),
        ("DiffField", VersionDiff.Field.self), ("HistoryEntry", EditorAPIController.HistoryEntry.self),
        ("HistoryPage", EditorAPIController.HistoryPage.self), ("Comparison", DocumentAPIController.ComparisonDTO.self),
        ("OrganisationDetail", HomeController.OrganisationDetailDTO.self), ("Licence", Licence.self), ("ImportResult", APIController.ImportResultDTO.self),
        ("Error", SamsynErrorMiddleware.APIError.self),
        ("FollowUp", FollowUpDTO.self), ("Period", PeriodDTO.self), ("RollUp", RollUpDTO.self), ("Report", ReportDTO.self),
        ("Assessment", AssessmentDTO.self), ("Proposal", AssessmentDTO.Proposal.self), ("NewPeriod", NewPeriodDTO.self),
        ("ReportInput", ReportInputDTO.self), ("AssessmentInput", AssessmentInputDTO.self),
        ("Indicator", IndicatorDTO.self), ("Baseline", FollowUpSection.IndicatorEntry.Baseline.self), ("Target", FollowUpSection.IndicatorEntry.Target.self),
        ("IndicatorInput", IndicatorInputDTO.self), ("KoladaImport", KoladaImportDTO.self),
        ("Contact", SurveyAPIController.ContactDTO.self), ("NewContact", SurveyAPIController.NewContactDTO.self),
        ("SurveySummary", SurveyAPIController.SurveySummaryDTO.self), ("Survey", SurveyAPIController.SurveyDTO.self),
        ("NewSurvey", SurveyAPIController.NewSurveyDTO.self), ("AnnualReport", AnnualReportData.self), ("QuoteInput", SurveyAPIController.QuoteInputDTO.self),
    ]

    func document() async throws -> (OpenAPI.Document, Application) {
        let app = try await Application.make(.testing)
        try configure(app, database: .sqliteMemory)
        let document = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(app.openAPIJSON.utf8))
        return (document, app)
    }

    @Test("Every API route has an operation, and the document validates")
    func everyRouteIsDescribed() async throws {
        let (document, app) = try await document()
        defer { Task { try? await app.asyncShutdown() } }
        for route in app.routes.all where OpenAPIAssembler.isAPI(route) {
            #expect(route.apiOperation != nil, "\(route.method) \(OpenAPIAssembler.template(route)) has no OpenAPI operation")
        }
        #expect(document.paths.count == Set(app.routes.all.filter(OpenAPIAssembler.isAPI).map(OpenAPIAssembler.template)).count)
        _ = try document.validate()
    }

    @Test("Every schema lists exactly the keys of a fully populated example of its type, and every type has a schema")
    func schemasMatchTheirTypes() async throws {
        let (document, app) = try await document()
        defer { Task { try? await app.asyncShutdown() } }
        let schemas = document.components.schemas
        #expect(Set(schemas.keys.map(\.rawValue)) == Set(Self.responseTypes.map(\.0)), "each schema is checked against a type")
        for (name, type) in Self.responseTypes {
            let schema = try #require(schemas[OpenAPI.ComponentKey(rawValue: name)!], "no schema \(name)")
            let example = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try Example.of(type)), options: [.fragmentsAllowed])
            for problem in Self.problems(example, schema, at: name, in: document.components) {
                Issue.record(Comment(rawValue: problem))
            }
        }
    }

    @Test("Every example in the document fits its response schema, and the main reads have one")
    func examplesFitTheirSchemas() async throws {
        let (document, app) = try await document()
        defer { Task { try? await app.asyncShutdown() } }
        var withExamples: [String] = []
        for (path, item) in document.paths {
            guard let operation = item.b?.get, let response = operation.responses[status: 200]?.b,
                  let content = response.content[.json]?.b, let example = content.example, let schema = content.schema else { continue }
            withExamples.append(operation.operationId ?? path.rawValue)
            let value = try JSONSerialization.jsonObject(with: JSONEncoder().encode(example), options: [.fragmentsAllowed])
            for problem in Self.problems(value, schema, at: "example of \(path.rawValue)", in: document.components, complete: false) { Issue.record(Comment(rawValue: problem)) }
        }
        #expect(Set(withExamples).isSuperset(of: ["organisations", "members", "documents"]), "examples: \(withExamples)")
    }

    @Test("The committed docs/openapi.json is the document the server serves (run `samsyn openapi > docs/openapi.json`)")
    func committedDocumentIsCurrent() async throws {
        let (_, app) = try await document()
        defer { Task { try? await app.asyncShutdown() } }
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../docs/openapi.json")
        #expect(try String(contentsOf: committed, encoding: .utf8) == app.openAPIJSON)
    }

    /// Where a value does not match a schema: missing or undocumented keys, wrong types, values outside an enumeration.
    /// `complete`: the value must have every property (a fully populated example of a type); otherwise only
    /// required ones, as in a real response where absent optionals are left out.
    static func problems(_ value: Any, _ schema: JSONSchema, at path: String, in components: OpenAPI.Components, complete: Bool = true) -> [String] {
        switch schema.value {
        case .reference(let reference, _):
            guard let name = reference.name, let target = components.schemas[OpenAPI.ComponentKey(rawValue: name)!] else { return ["\(path): unresolved reference"] }
            return problems(value, target, at: path, in: components, complete: complete)
        case .object(_, let context):
            guard let object = value as? [String: Any] else { return ["\(path): expected an object"] }
            if case .b(let values)? = context.additionalProperties {
                return object.flatMap { problems($0.value, values, at: "\(path).\($0.key)", in: components, complete: complete) }
            }
            if context.properties.isEmpty { return [] }
            var found = Set(object.keys).subtracting(context.properties.keys).sorted().map { "\(path).\($0): not in the schema" }
            let expected = complete ? Set(context.properties.keys) : Set(context.requiredProperties)
            found += expected.subtracting(object.keys).sorted().map { "\(path).\($0): in the schema, not in the example" }
            for (key, property) in context.properties { if let child = object[key] { found += problems(child, property, at: "\(path).\(key)", in: components, complete: complete) } }
            return found
        case .array(_, let context):
            guard let array = value as? [Any] else { return ["\(path): expected an array"] }
            guard let items = context.items else { return [] }
            return array.enumerated().flatMap { problems($0.element, items, at: "\(path)[\($0.offset)]", in: components, complete: complete) }
        case .string(let context, _):
            guard let string = value as? String else { return ["\(path): expected a string"] }
            if let allowed = context.allowedValues, !allowed.contains(AnyCodable(string)) { return ["\(path): \"\(string)\" is not an allowed value"] }
            return []
        case .integer:
            return value is Int ? [] : ["\(path): expected an integer"]
        case .boolean:
            return value is Bool ? [] : ["\(path): expected true or false"]
        default:
            return []
        }
    }
}
