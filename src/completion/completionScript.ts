/** The shells `plan completion` writes a script for. */
export type Shell = 'bash' | 'zsh' | 'fish';

// Each script only gathers the words before the cursor, asks `plan __complete` and hands the
// answer to the shell, so commands, flags and plan values stay defined in one place.
const scripts: Record<Shell, string> = {
  bash: `# bash completion for plan
# This session: source <(plan completion bash)    Every session: add that line to ~/.bashrc
_plan_completion() {
  local line=\${COMP_LINE:0:COMP_POINT}
  local -a words=()
  read -r -a words <<< "$line"
  [[ $line == *[[:space:]] || \${#words[@]} -eq 0 ]] && words+=('')
  local full=\${words[\${#words[@]}-1]} breaks='' keep=''
  # Readline replaces only the text after the last word-break character ("=" and ":" by default).
  [[ $COMP_WORDBREAKS == *=* ]] && breaks+='='
  [[ $COMP_WORDBREAKS == *:* ]] && breaks+=':'
  [[ -n $breaks ]] && keep=\${full%"\${full##*[$breaks]}"}
  local cur=\${full:\${#keep}} reply candidate
  COMPREPLY=()
  reply=$("\${words[0]}" __complete "\${words[@]:1}" 2>/dev/null) || return 0
  case $reply in
    :file | :dir)
      compopt -o filenames 2>/dev/null
      local kind=-f
      [[ $reply == :dir ]] && kind=-d
      while IFS= read -r candidate; do COMPREPLY+=("$candidate"); done < <(compgen "$kind" -- "$cur")
      return 0 ;;
  esac
  while IFS= read -r candidate; do
    candidate=\${candidate%%$'\\t'*}
    [[ -n $candidate && $candidate == "$keep"* ]] && COMPREPLY+=("\${candidate:\${#keep}}")
  done <<< "$reply"
  return 0
}
complete -F _plan_completion plan
`,
  zsh: `#compdef plan
# zsh completion for plan (needs compinit)
# This session: source <(plan completion zsh)    Every session: save it as _plan in a folder on $fpath
_plan() {
  local -a reply candidates
  local line value description
  reply=("\${(@f)$("\${words[1]}" __complete "\${(@Q)words[2,CURRENT-1]}" "\${(Q)PREFIX}" 2>/dev/null)}")
  case $reply[1] in
    :file) _files; return ;;
    :dir) _files -/; return ;;
  esac
  for line in $reply; do
    [[ -z $line ]] && continue
    value=\${line%%$'\\t'*}
    description=''
    [[ $line == *$'\\t'* ]] && description=\${line#*$'\\t'}
    candidates+=("\${value//:/\\\\:}\${description:+:$description}")
  done
  (( \${#candidates} )) && _describe -t values plan candidates
}
if [[ \${funcstack[1]} == _plan ]]; then
  _plan "$@"
else
  compdef _plan plan
fi
`,
  fish: `# fish completion for plan
# This session: plan completion fish | source    Every session: plan completion fish > ~/.config/fish/completions/plan.fish
function __plan_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l plan $words[1]
    set -e words[1]
    set -l reply ($plan __complete $words $current 2>/dev/null)
    switch "$reply[1]"
        case :file
            __fish_complete_path $current
        case :dir
            __fish_complete_directories $current
        case '*'
            printf '%s\\n' $reply
    end
end
complete -c plan -f -a '(__plan_complete)'
`,
};

/** The completion script for `shell`, to be sourced or saved where the shell looks for completions. */
export function completionScript(shell: Shell): string {
  return scripts[shell];
}
