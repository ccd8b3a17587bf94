// Package ansible holds the proof that NetApp's Ansible modules
// (netapp.elementsw, from Debian's ansible package) work unchanged against
// the emulator: playbook.yml and inventory.ini, NetApp's SolidFire Python
// SDK (python/solidfire, verbatim) and TestAnsiblePlaybook, which starts the
// emulator in process on 127.0.0.2:443 and :442, runs ansible-playbook and
// then checks the emulator's state through the API. README.md says how to
// run it by hand.
package ansible
