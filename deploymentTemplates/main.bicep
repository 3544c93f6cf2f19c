// PolicyBot on Azure: Azure Bot (Teams channel) -> App Service (Linux, .NET 10) -> Blob storage, all
// authenticated with one user-assigned managed identity. No secrets, no account keys. Data stays in
// the chosen region (Canada Central by default); the Azure Bot resource itself is global.
targetScope = 'resourceGroup'

@description('Region for the app, its plan and the state storage. Keep Canada Central so the data stays in Canada.')
param location string = 'canadacentral'

@description('Prefix for resource names (lowercase letters, digits and hyphens).')
@minLength(3)
@maxLength(16)
param baseName string = 'policybot'

@description('App Service plan SKU. Always On needs Basic (B1) or higher.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSku string = 'B1'

@description('App Service instances; raise to scale out (state is shared in Blob storage).')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Private Blob container for the bot state.')
@minLength(3)
@maxLength(63)
param stateContainerName string = 'policybot-state'

@description('Backstop of the bot\'s own deletion (24 hours): days after which idle conversation state (msteams/conversations/...) is deleted by the storage itself, even while the app is stopped.')
@minValue(1)
param conversationRetentionDays int = 2

@description('Days a deleted state blob can be restored (blob soft delete).')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 7

@description('Entra object ids of the users who may manage the organisation policy and see onboarding reports.')
param managerObjectIds string[] = []

@description('Days the Log Analytics workspace keeps the bot\'s telemetry (Application Insights).')
@minValue(30)
@maxValue(730)
param telemetryRetentionDays int = 30

@description('App ids that may call the bot with a token issued by your tenant (Bot:AllowedCallers). Empty: any app-only caller of the tenant; the app logs each caller app id the first time it sees it, so you can pin this list.')
param allowedCallerAppIds string[] = []

var suffix = uniqueString(resourceGroup().id)
var webAppName = '${baseName}-${suffix}'
var storageAccountName = take('st${toLower(replace(baseName, '-', ''))}${suffix}', 24)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${baseName}-${suffix}'
  location: location
}

module storage 'modules/storage.bicep' = {
  name: 'policybot-storage'
  params: {
    name: storageAccountName
    location: location
    containerName: stateContainerName
    conversationRetentionDays: conversationRetentionDays
    softDeleteRetentionDays: softDeleteRetentionDays
    principalResourceId: identity.id
    principalId: identity.properties.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'policybot-monitoring'
  params: {
    name: 'appi-${baseName}-${suffix}'
    workspaceName: 'log-${baseName}-${suffix}'
    location: location
    retentionDays: telemetryRetentionDays
    principalId: identity.properties.principalId
    principalResourceId: identity.id
  }
}

module webApp 'modules/webApp.bicep' = {
  name: 'policybot-webapp'
  params: {
    planName: 'plan-${baseName}-${suffix}'
    siteName: webAppName
    location: location
    skuName: appServiceSku
    instanceCount: instanceCount
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenant().tenantId
    blobServiceUri: storage.outputs.blobEndpoint
    containerName: stateContainerName
    managerObjectIds: managerObjectIds
    allowedCallerAppIds: allowedCallerAppIds
    deletedRetentionDays: softDeleteRetentionDays
    applicationInsights: monitoring.outputs.ingestionSettings
  }
}

module bot 'modules/bot.bicep' = {
  name: 'policybot-bot'
  params: {
    name: 'bot-${baseName}-${suffix}'
    displayName: 'PolicyBot'
    skuName: botSku
    endpoint: 'https://${webApp.outputs.hostName}/api/messages'
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    tenantId: tenant().tenantId
  }
}

@description('Host name of the web app; {{BOT_DOMAIN}} in the Teams package.')
output webAppHostName string = webApp.outputs.hostName

@description('Web app name, for az webapp deploy.')
output webAppName string = webApp.outputs.name

@description('Bot app id (the managed identity\'s client id); {{BOT_ID}} in the Teams package.')
output botAppId string = bot.outputs.appId

@description('Application Insights resource: where to look when something goes wrong (deploymentTemplates/README.md).')
output applicationInsightsName string = monitoring.outputs.name

@description('State storage account name.')
output storageAccountName string = storage.outputs.name
