// Application Insights for the bot, workspace-based, in the app's region. Local (instrumentation key)
// authentication is off: only the app's managed identity, with Monitoring Metrics Publisher on this
// resource, can send telemetry. What the app sends carries no message text, names or raw ids.

@description('Application Insights resource name.')
param name string

@description('Log Analytics workspace name.')
param workspaceName string

@description('Azure region: the same as the app, so telemetry stays where the data is.')
param location string

@description('Days Log Analytics keeps the telemetry.')
@minValue(30)
@maxValue(730)
param retentionDays int

@description('Principal id of the app\'s user-assigned managed identity.')
param principalId string

@description('Resource id of that identity (makes the role assignment name stable).')
param principalResourceId string

// Built-in role: Monitoring Metrics Publisher (send telemetry with an Entra token).
var metricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: name
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
    DisableIpMasking: false
    RetentionInDays: retentionDays
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, principalResourceId, metricsPublisherRoleId)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Where the app sends telemetry. Not a secret here: with local authentication off, sending needs the identity\'s Entra token.')
output ingestionSettings string = insights.properties.ConnectionString

@description('Application Insights resource name.')
output name string = insights.name
