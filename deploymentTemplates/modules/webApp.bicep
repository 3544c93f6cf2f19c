// Linux App Service plan and web app that host the bot (.NET 10). The app authenticates to Bot Framework and
// to Blob storage with the user-assigned managed identity, so no secret appears in its settings.

@description('App Service plan name.')
param planName string

@description('Web app name; its host name is <name>.azurewebsites.net.')
param siteName string

@description('Azure region of the plan and the app.')
param location string

@description('App Service plan SKU. Always On needs Basic or higher.')
param skuName string

@description('Number of instances. Instances share state through Blob storage (ETag-conditional writes).')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Resource id of the user-assigned managed identity attached to the app.')
param identityResourceId string

@description('Client id of that identity: the bot\'s Microsoft App Id and the Blob credential.')
param identityClientId string

@description('Entra tenant of the bot; the only tenant whose activities are accepted.')
param tenantId string

@description('Blob service endpoint of the state account, e.g. https://account.blob.core.windows.net/.')
param blobServiceUri string

@description('Blob container that holds the bot state.')
param containerName string

@description('Entra object ids of the managers (PolicyBot:Managers).')
param managerObjectIds string[]

@description('App ids allowed to call the bot with a token of its own tenant (Bot:AllowedCallers); empty lets in any app-only caller of the tenant, each logged the first time it is seen.')
param allowedCallerAppIds string[]

@description('Days a deleted state blob can still be restored (the account\'s soft delete), so the bot tells users truthfully.')
param deletedRetentionDays int

@description('Application Insights connection string (local authentication off: the identity signs the telemetry).')
param applicationInsights string

// Configuration keys read by PolicyBot.Web ("__" stands for ":" and array indexes on App Service). Never set
// Bot__AllowUnauthenticatedRequests here: with the app id below every request needs a token.
var baseAppSettings = [
  {
    name: 'MicrosoftAppType'
    value: 'UserAssignedMSI'
  }
  {
    name: 'MicrosoftAppId'
    value: identityClientId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenantId
  }
  {
    name: 'AllowedTenants__0'
    value: tenantId
  }
  {
    name: 'AllowedChannels__0'
    value: 'msteams'
  }
  {
    name: 'Storage__Provider'
    value: 'AzureBlob'
  }
  {
    name: 'Storage__ServiceUri'
    value: blobServiceUri
  }
  {
    name: 'Storage__ContainerName'
    value: containerName
  }
  {
    name: 'Storage__ManagedIdentityClientId'
    value: identityClientId
  }
  {
    name: 'Storage__DeletedRetentionDays'
    value: string(deletedRetentionDays)
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: applicationInsights
  }
  // The runtime's gen0 budget, 8 MB (hexadecimal, as the runtime reads it): the GC settings the runtime reads from
  // runtimeconfig.json are in PolicyBot.Web.csproj; this one it reads only from the environment. The same value is
  // in the launch profiles (src/PolicyBot.Web/Properties/launchSettings.json); why: benchmarks/README.md.
  {
    name: 'DOTNET_GCgen0size'
    value: '0x800000'
  }
]

var managerAppSettings = [
  for (objectId, i) in managerObjectIds: {
    name: 'PolicyBot__Managers__${i}'
    value: objectId
  }
]

var callerAppSettings = [
  for (callerAppId, i) in allowedCallerAppIds: {
    name: 'Bot__AllowedCallers__${i}'
    value: callerAppId
  }
]

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet PolicyBot.Web.dll --urls http://0.0.0.0:8080'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(baseAppSettings, managerAppSettings, callerAppSettings)
    }
  }
}

@description('Web app name (for az webapp deploy).')
output name string = site.name

@description('Default host name, e.g. policybot-xyz.azurewebsites.net.')
output hostName string = site.properties.defaultHostName
