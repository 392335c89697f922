import CedreReports
import CedreTestSupport
import Testing

@Suite struct StateMachineDiagramTests {
    @Test func theCommittedDocumentIsGeneratedFromTheTables() {
        Snapshot.expect(StateMachineDiagram.document(), matches: "../../../docs/state-machines.md")
    }
}
