import Foundation

/// The 17 goals and 169 targets of Agenda 2030 in Swedish and English
/// (Resources/agenda2030.json; sources in docs/reference-data.md).
public enum Agenda2030 {
    public struct Goal: Codable, Sendable, Equatable {
        public let code: String
        public let titleSv: String
        public let titleEn: String
    }

    public struct Target: Codable, Sendable, Equatable {
        public let code: String
        public let goal: String
        public let titleSv: String
        public let shortTitleSv: String
        public let titleEn: String
    }

    struct File: Decodable {
        let goals: [Goal]
        let targets: [Target]
    }

    private static let file: File = {
        guard let url = Bundle.module.url(forResource: "agenda2030", withExtension: "json", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(File.self, from: data) else {
            fatalError("agenda2030.json is missing from the Organisation module's resources")
        }
        return file
    }()

    public static var goals: [Goal] { file.goals }
    public static var targets: [Target] { file.targets }

    public static func goal(_ code: String) -> Goal? { goals.first { $0.code == code } }
    public static func target(_ code: String) -> Target? { targets.first { $0.code == code } }
    public static func targets(ofGoal code: String) -> [Target] { targets.filter { $0.goal == code } }

    /// A goal ("11") or a target ("11.3", "17.a").
    public static func isKnown(_ code: String) -> Bool { goal(code) != nil || target(code) != nil }

    /// The goal a code belongs to: "11.3" → "11".
    public static func goalCode(of code: String) -> String {
        String(code.split(separator: ".").first ?? Substring(code))
    }
}
