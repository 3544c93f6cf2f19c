// Azure Bot registration that authenticates as the user-assigned managed identity, plus its Teams channel.

@description('Azure Bot resource name (globally unique handle).')
param name string

@description('Name shown for the bot in the Azure portal.')
param displayName string

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are unlimited) or S1.')
@allowed([
  'F0'
  'S1'
])
param skuName string

@description('Messaging endpoint, https://<web app host>/api/messages.')
param endpoint string

@description('Client id of the managed identity: the bot\'s Microsoft App Id.')
param identityClientId string

@description('Resource id of the managed identity.')
param identityResourceId string

@description('Entra tenant of the identity.')
param tenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Microsoft App Id of the bot (the identity\'s client id); goes into the Teams manifest as botId.')
output appId string = bot.properties.msaAppId
