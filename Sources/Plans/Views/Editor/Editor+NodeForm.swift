import Core
import Organisation
import Plot

extension Editor {
    /// What a node's facts can point at in this organisation.
    public struct FactOptions: Sendable {
        public let units: [String]
        public let partners: [(key: String, name: String)]
        public let networks: [(key: String, name: String)]
        public init(units: [String], partners: [(key: String, name: String)], networks: [(key: String, name: String)]) {
            self.units = units
            self.partners = partners
            self.networks = networks
        }

        public var targets: PlanEditing.FactTargets {
            .init(partners: Set(partners.map(\.key)), networks: Set(networks.map(\.key)), units: Set(units))
        }
    }
}
