$ErrorActionPreference = 'Stop'
psexec \\srv01 -u CORP\admin -p 0UtopZs7dZSp7u cmd /c ipconfig
Connect-VIServer -Server vc01.corp.internal -User administrator@vsphere.local -Password pA4OdQJ67DdHh8yn
