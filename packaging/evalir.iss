; Inno Setup 6 script: French, per-user installer of EVALIR Desktop (no administrator rights).
;
; Build the bundle first (pyinstaller packaging\evalir.spec), then, from the repository root:
;     iscc packaging\evalir.iss
; Relative paths below are relative to this file. AppVersion must equal the version in
; pyproject.toml (a test checks it); it can also be given on the command line:
;     iscc /DAppVersion=0.1.0 packaging\evalir.iss
;
; The uninstaller removes only what Setup installed: the program folder's files listed in
; [Files], the shortcuts and the registry keys of the .evalir association. It never deletes
; the user's .evalir files, documents, settings or logs.

#define AppName "EVALIR Desktop"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "evalir-desktop.exe"
#define CliExe "evalir.exe"
#define Bundle "..\dist\evalir-desktop"
#define ProgId "EVALIR.Fichier"

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{39EEEE9D-E3F4-4D55-B6F2-3B7049FADAAA}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Équipe EVALIR
VersionInfoVersion={#AppVersion}
; Per-user install: no UAC prompt; {autopf} is then {userpf},
; that is %LOCALAPPDATA%\Programs\EVALIR Desktop.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile=..\resources\icons\evalir.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
OutputDir=..\dist
OutputBaseFilename=evalir-desktop-{#AppVersion}-installation
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The two executables, named explicitly, then the rest of the bundle folder (_internal).
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Évaluer un projet d'IA de la commune"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .evalir association, for the current user only (HKCU\Software\Classes).
; The extension key may be shared with other programs: only our values are removed.
Root: HKCU; Subkey: "Software\Classes\.evalir"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\.evalir\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
; Our ProgID is ours alone: the whole key goes at uninstall.
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Fichier d'évaluation EVALIR"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".evalir"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
