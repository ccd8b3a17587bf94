package api

// methods is the method table: the only place an Element method is
// registered. since is the API version the method appeared in (D7); scope
// says which listener serves it (D8, D42).
func (s *Server) methods() []method {
	return []method{
		// Cluster basics (docs/element-api.md, Methods)
		{name: "GetAPI", since: "1.0", scope: scopeAll, call: typed(s.getAPI)},
		{name: "GetClusterInfo", since: "1.0", scope: scopeCluster, call: typed(s.getClusterInfo)},
		{name: "GetClusterVersionInfo", since: "1.0", scope: scopeCluster, call: typed(s.getClusterVersionInfo)},
		{name: "ListActiveNodes", since: "1.0", scope: scopeCluster, call: typed(s.listActiveNodes)},
		{name: "ListAllNodes", since: "1.0", scope: scopeCluster, call: typed(s.listAllNodes)},
		{name: "GetClusterCapacity", since: "1.0", scope: scopeCluster, call: typed(s.getClusterCapacity)},
		{name: "ListEvents", since: "1.0", scope: scopeCluster, call: typed(s.listEvents)},
		{name: "CreateCluster", since: "1.0", scope: scopeBootstrap, call: typed(s.createCluster)},

		// Node configuration on the node listener (api/nodeconfig.go)
		{name: "GetConfig", since: "5.0", scope: scopeNode, call: typed(s.getConfig)},

		// KMIP trust relationship
		{name: "CreatePublicPrivateKeyPair", since: "11.7", scope: scopeCluster, call: typed(s.createPublicPrivateKeyPair)},
		{name: "GetClientCertificateSignRequest", since: "11.7", scope: scopeCluster, call: typed(s.getClientCertificateSignRequest)},

		// KMIP key servers
		{name: "CreateKeyServerKmip", since: "11.7", scope: scopeCluster, call: typed(s.createKeyServerKmip)},
		{name: "ModifyKeyServerKmip", since: "11.7", scope: scopeCluster, call: typed(s.modifyKeyServerKmip)},
		{name: "DeleteKeyServerKmip", since: "11.7", scope: scopeCluster, call: typed(s.deleteKeyServerKmip)},
		{name: "GetKeyServerKmip", since: "11.7", scope: scopeCluster, call: typed(s.getKeyServerKmip)},
		{name: "ListKeyServersKmip", since: "11.7", scope: scopeCluster, call: typed(s.listKeyServersKmip)},
		{name: "TestKeyServerKmip", since: "11.7", scope: scopeCluster, call: typed(s.testKeyServerKmip)},

		// KMIP key providers
		{name: "CreateKeyProviderKmip", since: "11.7", scope: scopeCluster, call: typed(s.createKeyProviderKmip)},
		{name: "DeleteKeyProviderKmip", since: "11.7", scope: scopeCluster, call: typed(s.deleteKeyProviderKmip)},
		{name: "GetKeyProviderKmip", since: "11.7", scope: scopeCluster, call: typed(s.getKeyProviderKmip)},
		{name: "ListKeyProvidersKmip", since: "11.7", scope: scopeCluster, call: typed(s.listKeyProvidersKmip)},
		{name: "TestKeyProviderKmip", since: "11.7", scope: scopeCluster, call: typed(s.testKeyProviderKmip)},
		{name: "AddKeyServerToProviderKmip", since: "11.7", scope: scopeCluster, call: typed(s.addKeyServerToProviderKmip)},
		{name: "RemoveKeyServerFromProviderKmip", since: "11.7", scope: scopeCluster, call: typed(s.removeKeyServerFromProviderKmip)},

		// Software encryption at rest
		{name: "RekeySoftwareEncryptionAtRestMasterKey", since: "12.3", scope: scopeCluster, call: typed(s.rekeySoftwareEncryptionAtRestMasterKey)},
		{name: "GetSoftwareEncryptionAtRestInfo", since: "12.3", scope: scopeCluster, call: typed(s.getSoftwareEncryptionAtRestInfo)},

		// Hardware encryption at rest
		{name: "EnableEncryptionAtRest", since: "5.0", scope: scopeCluster, call: typed(s.enableEncryptionAtRest)},
		{name: "DisableEncryptionAtRest", since: "5.0", scope: scopeCluster, call: typed(s.disableEncryptionAtRest)},
		{name: "GetEncryptionAtRestInfo", since: "12.0", scope: scopeCluster, call: typed(s.getEncryptionAtRestInfo)},

		// Drives
		{name: "ListDrives", since: "1.0", scope: scopeCluster, call: typed(s.listDrives)},
		{name: "ListDriveHardware", since: "7.0", scope: scopeAll, call: typed(s.listDriveHardware)},
		{name: "GetDriveHardwareInfo", since: "1.0", scope: scopeCluster, call: typed(s.getDriveHardwareInfo)},
		{name: "GetDriveStats", since: "1.0", scope: scopeCluster, call: typed(s.getDriveStats)},
		{name: "AddDrives", since: "1.0", scope: scopeCluster, call: typed(s.addDrives)},
		{name: "RemoveDrives", since: "1.0", scope: scopeCluster, call: typed(s.removeDrives)},
		{name: "SecureEraseDrives", since: "5.0", scope: scopeCluster, call: typed(s.secureEraseDrives)},
		{name: "ResetDrives", since: "6.0", scope: scopeNode, call: typed(s.resetDrives)},
		{name: "TestDrives", since: "5.0", scope: scopeNode, call: typed(s.testDrives)},

		// Async results
		{name: "GetAsyncResult", since: "1.0", scope: scopeCluster, call: typed(s.getAsyncResult)},
		{name: "ListAsyncResults", since: "9.0", scope: scopeCluster, call: typed(s.listAsyncResults)},

		// Cluster faults
		{name: "ListClusterFaults", since: "1.0", scope: scopeCluster, call: typed(s.listClusterFaults)},
		{name: "ClearClusterFaults", since: "1.0", scope: scopeCluster, call: typed(s.clearClusterFaults)},

		// Storage: accounts (api/storage.go, docs/storage.md)
		{name: "AddAccount", since: "1.0", scope: scopeCluster, call: typed(s.addAccount)},
		{name: "GetAccountByID", since: "1.0", scope: scopeCluster, call: typed(s.getAccountByID)},
		{name: "GetAccountByName", since: "1.0", scope: scopeCluster, call: typed(s.getAccountByName)},
		{name: "GetAccountEfficiency", since: "6.0", scope: scopeCluster, call: typed(s.getAccountEfficiency)},
		{name: "ListAccounts", since: "1.0", scope: scopeCluster, call: typed(s.listAccounts)},
		{name: "ModifyAccount", since: "1.0", scope: scopeCluster, call: typed(s.modifyAccount)},
		{name: "RemoveAccount", since: "1.0", scope: scopeCluster, call: typed(s.removeAccount)},

		// Storage: volumes
		{name: "CreateVolume", since: "1.0", scope: scopeCluster, call: typed(s.createVolume)},
		{name: "ModifyVolume", since: "1.0", scope: scopeCluster, call: typed(s.modifyVolume)},
		{name: "DeleteVolume", since: "1.0", scope: scopeCluster, call: typed(s.deleteVolume)},
		{name: "DeleteVolumes", since: "9.0", scope: scopeCluster, call: typed(s.deleteVolumes)},
		{name: "RestoreDeletedVolume", since: "1.0", scope: scopeCluster, call: typed(s.restoreDeletedVolume)},
		{name: "PurgeDeletedVolume", since: "1.0", scope: scopeCluster, call: typed(s.purgeDeletedVolume)},
		{name: "PurgeDeletedVolumes", since: "9.0", scope: scopeCluster, call: typed(s.purgeDeletedVolumes)},
		{name: "ListDeletedVolumes", since: "1.0", scope: scopeCluster, call: typed(s.listDeletedVolumes)},
		{name: "ListVolumes", since: "8.0", scope: scopeCluster, call: typed(s.listVolumes)},
		{name: "ListActiveVolumes", since: "1.0", scope: scopeCluster, call: typed(s.listActiveVolumes)},
		{name: "ListVolumesForAccount", since: "1.0", scope: scopeCluster, call: typed(s.listVolumesForAccount)},
		{name: "GetVolumeStats", since: "1.0", scope: scopeCluster, call: typed(s.getVolumeStats)},
		{name: "ListVolumeStats", since: "9.0", scope: scopeCluster, call: typed(s.listVolumeStats)},
		{name: "ListVolumeStatsByVolume", since: "1.0", scope: scopeCluster, call: typed(s.listVolumeStatsByVolume)},
		{name: "ListVolumeStatsByVolumeAccessGroup", since: "5.0", scope: scopeCluster, call: typed(s.listVolumeStatsByVolumeAccessGroup)},
		{name: "GetVolumeEfficiency", since: "1.0", scope: scopeCluster, call: typed(s.getVolumeEfficiency)},
		{name: "CloneVolume", since: "1.0", scope: scopeCluster, call: typed(s.cloneVolume)},
		{name: "GetDefaultQoS", since: "1.0", scope: scopeCluster, call: typed(s.getDefaultQoS)},
		{name: "SetDefaultQoS", since: "1.0", scope: scopeCluster, call: typed(s.setDefaultQoS)},
		{name: "CopyVolume", since: "9.0", scope: scopeCluster, call: typed(s.copyVolume)},
		{name: "CancelClone", since: "9.6", scope: scopeCluster, call: typed(s.cancelClone)},
		{name: "ListVolumeStatsByAccount", since: "1.0", scope: scopeCluster, call: typed(s.listVolumeStatsByAccount)},
		{name: "CloneMultipleVolumes", since: "7.0", scope: scopeCluster, call: typed(s.cloneMultipleVolumes)},
		{name: "CancelGroupClone", since: "9.6", scope: scopeCluster, call: typed(s.cancelGroupClone)},

		// Storage: volume access groups and initiators
		{name: "CreateVolumeAccessGroup", since: "5.0", scope: scopeCluster, call: typed(s.createVolumeAccessGroup)},
		{name: "ListVolumeAccessGroups", since: "5.0", scope: scopeCluster, call: typed(s.listVolumeAccessGroups)},
		{name: "ModifyVolumeAccessGroup", since: "5.0", scope: scopeCluster, call: typed(s.modifyVolumeAccessGroup)},
		{name: "DeleteVolumeAccessGroup", since: "5.0", scope: scopeCluster, call: typed(s.deleteVolumeAccessGroup)},
		{name: "AddVolumesToVolumeAccessGroup", since: "5.0", scope: scopeCluster, call: typed(s.addVolumesToVolumeAccessGroup)},
		{name: "RemoveVolumesFromVolumeAccessGroup", since: "5.0", scope: scopeCluster, call: typed(s.removeVolumesFromVolumeAccessGroup)},
		{name: "AddInitiatorsToVolumeAccessGroup", since: "5.0", scope: scopeCluster, call: typed(s.addInitiatorsToVolumeAccessGroup)},
		{name: "RemoveInitiatorsFromVolumeAccessGroup", since: "5.0", scope: scopeCluster, call: typed(s.removeInitiatorsFromVolumeAccessGroup)},
		{name: "CreateInitiators", since: "9.0", scope: scopeCluster, call: typed(s.createInitiators)},
		{name: "ModifyInitiators", since: "9.0", scope: scopeCluster, call: typed(s.modifyInitiators)},
		{name: "DeleteInitiators", since: "9.0", scope: scopeCluster, call: typed(s.deleteInitiators)},
		{name: "ListInitiators", since: "9.0", scope: scopeCluster, call: typed(s.listInitiators)},

		// Storage: snapshots
		{name: "CreateSnapshot", since: "6.0", scope: scopeCluster, call: typed(s.createSnapshot)},
		{name: "DeleteSnapshot", since: "6.0", scope: scopeCluster, call: typed(s.deleteSnapshot)},
		{name: "ModifySnapshot", since: "6.0", scope: scopeCluster, call: typed(s.modifySnapshot)},
		{name: "ListSnapshots", since: "6.0", scope: scopeCluster, call: typed(s.listVolumeSnapshots)},
		{name: "RollbackToSnapshot", since: "6.0", scope: scopeCluster, call: typed(s.rollbackToSnapshot)},
		{name: "CreateGroupSnapshot", since: "7.0", scope: scopeCluster, call: typed(s.createGroupSnapshot)},
		{name: "ListGroupSnapshots", since: "7.0", scope: scopeCluster, call: typed(s.listGroupSnapshots)},
		{name: "ModifyGroupSnapshot", since: "7.0", scope: scopeCluster, call: typed(s.modifyGroupSnapshot)},
		{name: "DeleteGroupSnapshot", since: "7.0", scope: scopeCluster, call: typed(s.deleteGroupSnapshot)},
		{name: "RollbackToGroupSnapshot", since: "7.0", scope: scopeCluster, call: typed(s.rollbackToGroupSnapshot)},
		{name: "CreateSchedule", since: "8.0", scope: scopeCluster, call: typed(s.createSchedule)},
		{name: "GetSchedule", since: "8.0", scope: scopeCluster, call: typed(s.getSchedule)},
		{name: "ListSchedules", since: "8.0", scope: scopeCluster, call: typed(s.listSchedules)},
		{name: "ModifySchedule", since: "8.0", scope: scopeCluster, call: typed(s.modifySchedule)},

		// Storage: QoS policies
		{name: "CreateQoSPolicy", since: "10.0", scope: scopeCluster, call: typed(s.createQoSPolicy)},
		{name: "GetQoSPolicy", since: "10.0", scope: scopeCluster, call: typed(s.getQoSPolicy)},
		{name: "ListQoSPolicies", since: "10.0", scope: scopeCluster, call: typed(s.listQoSPolicies)},
		{name: "ModifyQoSPolicy", since: "10.0", scope: scopeCluster, call: typed(s.modifyQoSPolicy)},
		{name: "DeleteQoSPolicy", since: "10.0", scope: scopeCluster, call: typed(s.deleteQoSPolicy)},

		// Cluster hardware and settings (api/settings.go)
		{name: "GetClusterHardwareInfo", since: "1.0", scope: scopeCluster, call: typed(s.getClusterHardwareInfo)},
		{name: "GetFeatureStatus", since: "9.0", scope: scopeCluster, call: typed(s.getFeatureStatus)},
		{name: "EnableFeature", since: "9.0", scope: scopeCluster, call: typed(s.enableFeature)},
		{name: "GetClusterFullThreshold", since: "1.0", scope: scopeCluster, call: typed(s.getClusterFullThreshold)},
		{name: "ModifyClusterFullThreshold", since: "1.0", scope: scopeCluster, call: typed(s.modifyClusterFullThreshold)},

		// Cluster admins and the login session (api/admins.go, docs/admins.md)
		{name: "AddClusterAdmin", since: "1.0", scope: scopeCluster, call: typed(s.addClusterAdmin)},
		{name: "ListClusterAdmins", since: "1.0", scope: scopeCluster, call: typed(s.listClusterAdmins)},
		{name: "ModifyClusterAdmin", since: "1.0", scope: scopeCluster, call: typed(s.modifyClusterAdmin)},
		{name: "RemoveClusterAdmin", since: "1.0", scope: scopeCluster, call: typed(s.removeClusterAdmin)},
		{name: "GetLoginSessionInfo", since: "7.0", scope: scopeCluster, call: typed(s.getLoginSessionInfo)},
		{name: "SetLoginSessionInfo", since: "7.0", scope: scopeCluster, call: typed(s.setLoginSessionInfo)},

		// NTP, SNMP and LDAP settings (api/netsettings.go, docs/admins.md)
		{name: "GetNtpInfo", since: "1.0", scope: scopeCluster, call: typed(s.getNtpInfo)},
		{name: "SetNtpInfo", since: "9.0", scope: scopeCluster, call: typed(s.setNtpInfo)},
		{name: "GetSnmpInfo", since: "8.0", scope: scopeCluster, call: typed(s.getSnmpInfo)},
		{name: "SetSnmpInfo", since: "8.0", scope: scopeCluster, call: typed(s.setSnmpInfo)},
		{name: "EnableSnmp", since: "8.0", scope: scopeCluster, call: typed(s.enableSnmp)},
		{name: "DisableSnmp", since: "8.0", scope: scopeCluster, call: typed(s.disableSnmp)},
		{name: "GetSnmpState", since: "8.0", scope: scopeCluster, call: typed(s.getSnmpState)},
		{name: "GetLdapConfiguration", since: "7.0", scope: scopeCluster, call: typed(s.getLdapConfiguration)},
		{name: "EnableLdapAuthentication", since: "7.0", scope: scopeCluster, call: typed(s.enableLdapAuthentication)},
		{name: "DisableLdapAuthentication", since: "7.0", scope: scopeCluster, call: typed(s.disableLdapAuthentication)},

		// Node membership, network configuration, virtual networks (api/nodes.go, docs/nodes.md)
		{name: "ListPendingNodes", since: "1.0", scope: scopeCluster, call: typed(s.listPendingNodes)},
		{name: "ListPendingActiveNodes", since: "8.0", scope: scopeCluster, call: typed(s.listPendingActiveNodes)},
		{name: "AddNodes", since: "1.0", scope: scopeCluster, call: typed(s.addNodes)},
		{name: "RemoveNodes", since: "1.0", scope: scopeCluster, call: typed(s.removeNodes)},
		{name: "GetNetworkConfig", since: "5.0", scope: scopeAll, call: typed(s.getNetworkConfig)},
		{name: "SetNetworkConfig", since: "5.0", scope: scopeNode, call: typed(s.setNetworkConfig)},
		{name: "AddVirtualNetwork", since: "7.0", scope: scopeCluster, call: typed(s.addVirtualNetwork)},
		{name: "ModifyVirtualNetwork", since: "7.0", scope: scopeCluster, call: typed(s.modifyVirtualNetwork)},
		{name: "ListVirtualNetworks", since: "7.0", scope: scopeCluster, call: typed(s.listVirtualNetworks)},
		{name: "RemoveVirtualNetwork", since: "7.0", scope: scopeCluster, call: typed(s.removeVirtualNetwork)},
	}
}
