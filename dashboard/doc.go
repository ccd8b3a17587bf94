// Package dashboard serves the emulator's live web dashboard under
// /_emulator/ui/ on the cluster listeners (docs/dashboard.md): a cluster
// page (nodes, drives and their SED state, encryption at rest, key servers
// with their last contact, async jobs, cluster faults, events, fault rules,
// extra sections) with the lab controls, and the lab overview of
// "element-emulator lab".
//
// The pages are plain HTML, CSS and JavaScript embedded with go:embed. Each
// page opens one server-sent-events stream; the cluster calls Hub.Notify
// after every committed change and the stream pushes a fresh state, bursts
// coalesced. The page changes state only through the /_emulator/ controls,
// like any other client. Nothing secret (key material, passwords, tokens,
// private keys) is ever put in a state.
//
// Other packages add a panel to the cluster page with Server.Register and a
// Section that returns tables of text.
package dashboard
