using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace PolicyBot.Tests.Architecture;

/// <summary>A type the compiled code names: its namespace and the assembly that defines it.</summary>
public readonly record struct TypeKey(string Namespace, string Name, string Assembly);

/// <summary>One use of a type by a type of the assembly read (in a signature, a base type, an attribute or a method body).</summary>
public readonly record struct TypeUse(TypeKey From, TypeKey To);

/// <summary>
/// Reads which types each type of a compiled assembly uses, from its metadata and the IL of its method bodies
/// (calls, field accesses, <c>new</c>, casts, locals), with System.Reflection.Metadata: what the compiler
/// produced, not what the source seems to say.
/// </summary>
public static class CompiledDependencies
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    public static IReadOnlyList<TypeUse> Read(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var self = reader.GetString(reader.GetAssemblyDefinition().Name);
        var names = new Names(reader, self);
        var uses = new HashSet<TypeUse>();

        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            var from = names.Of(typeHandle);
            if (from.Name == "<Module>") continue;
            var found = new List<TypeKey>();
            if (!type.BaseType.IsNil) found.AddRange(names.Of(type.BaseType));
            foreach (var i in type.GetInterfaceImplementations()) found.AddRange(names.Of(reader.GetInterfaceImplementation(i).Interface));
            foreach (var a in type.GetCustomAttributes()) found.AddRange(names.OfAttribute(a));
            foreach (var f in type.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                found.AddRange(field.DecodeSignature(names, null));
                foreach (var a in field.GetCustomAttributes()) found.AddRange(names.OfAttribute(a));
            }
            foreach (var m in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(m);
                var signature = method.DecodeSignature(names, null);
                found.AddRange(signature.ReturnType);
                foreach (var p in signature.ParameterTypes) found.AddRange(p);
                foreach (var a in method.GetCustomAttributes()) found.AddRange(names.OfAttribute(a));
                if (method.RelativeVirtualAddress != 0) found.AddRange(BodyUses(pe.GetMethodBody(method.RelativeVirtualAddress), reader, names));
            }
            foreach (var g in type.GetGenericParameters())
            {
                foreach (var c in reader.GetGenericParameter(g).GetConstraints()) found.AddRange(names.Of(reader.GetGenericParameterConstraint(c).Type));
            }
            foreach (var to in found)
            {
                if (to != from) uses.Add(new TypeUse(from, to));
            }
        }
        return [.. uses];
    }

    private static IEnumerable<TypeKey> BodyUses(MethodBodyBlock body, MetadataReader reader, Names names)
    {
        var found = new List<TypeKey>();
        if (!body.LocalSignature.IsNil)
        {
            foreach (var local in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(names, null)) found.AddRange(local);
        }
        foreach (var region in body.ExceptionRegions)
        {
            if (!region.CatchType.IsNil) found.AddRange(names.Of(region.CatchType));
        }
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
            switch (Operands[code])
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    found.AddRange(names.Of(MetadataTokens.EntityHandle(il.ReadInt32())));
                    break;
                case OperandType.InlineSwitch:
                    var count = il.ReadInt32();
                    il.Offset += 4 * count;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.InlineSig:
                case OperandType.InlineString:
                case OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
            }
        }
        return found;
    }

    /// <summary>Names the types behind handles and signatures.</summary>
    private sealed class Names(MetadataReader reader, string self) : ISignatureTypeProvider<ImmutableArray<TypeKey>, object?>
    {
        public TypeKey Of(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var declaring = type.GetDeclaringType();
            // A nested type (a closure, an async state machine, a private record) counts as the type it is written in.
            return declaring.IsNil ? new TypeKey(reader.GetString(type.Namespace), reader.GetString(type.Name), self) : Of(declaring);
        }

        public TypeKey Of(TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            var scope = type.ResolutionScope;
            return scope.Kind switch
            {
                HandleKind.TypeReference => Of((TypeReferenceHandle)scope),
                HandleKind.AssemblyReference => new TypeKey(reader.GetString(type.Namespace), reader.GetString(type.Name),
                    reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)),
                _ => new TypeKey(reader.GetString(type.Namespace), reader.GetString(type.Name), self),
            };
        }

        public ImmutableArray<TypeKey> Of(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => [Of((TypeDefinitionHandle)handle)],
            HandleKind.TypeReference => [Of((TypeReferenceHandle)handle)],
            HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
            HandleKind.FieldDefinition => [Of(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType())],
            HandleKind.MethodDefinition => [Of(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType())],
            HandleKind.MemberReference => OfMember((MemberReferenceHandle)handle),
            HandleKind.MethodSpecification => OfMethodSpecification((MethodSpecificationHandle)handle),
            _ => [],
        };

        public ImmutableArray<TypeKey> OfAttribute(CustomAttributeHandle handle) => Of(reader.GetCustomAttribute(handle).Constructor);

        private ImmutableArray<TypeKey> OfMember(MemberReferenceHandle handle)
        {
            var member = reader.GetMemberReference(handle);
            var found = ImmutableArray.CreateBuilder<TypeKey>();
            if (member.Parent.Kind != HandleKind.ModuleReference) found.AddRange(Of(member.Parent));
            if (member.GetKind() == MemberReferenceKind.Method)
            {
                var signature = member.DecodeMethodSignature(this, null);
                found.AddRange(signature.ReturnType);
                foreach (var p in signature.ParameterTypes) found.AddRange(p);
            }
            else
            {
                found.AddRange(member.DecodeFieldSignature(this, null));
            }
            return found.ToImmutable();
        }

        private ImmutableArray<TypeKey> OfMethodSpecification(MethodSpecificationHandle handle)
        {
            var spec = reader.GetMethodSpecification(handle);
            var found = Of(spec.Method).ToBuilder();
            foreach (var argument in spec.DecodeSignature(this, null)) found.AddRange(argument);
            return found.ToImmutable();
        }

        public ImmutableArray<TypeKey> GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) => [Of(handle)];
        public ImmutableArray<TypeKey> GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) => [Of(handle)];
        public ImmutableArray<TypeKey> GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) => Of(handle);
        public ImmutableArray<TypeKey> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
        public ImmutableArray<TypeKey> GetSZArrayType(ImmutableArray<TypeKey> elementType) => elementType;
        public ImmutableArray<TypeKey> GetArrayType(ImmutableArray<TypeKey> elementType, ArrayShape shape) => elementType;
        public ImmutableArray<TypeKey> GetByReferenceType(ImmutableArray<TypeKey> elementType) => elementType;
        public ImmutableArray<TypeKey> GetPointerType(ImmutableArray<TypeKey> elementType) => elementType;
        public ImmutableArray<TypeKey> GetPinnedType(ImmutableArray<TypeKey> elementType) => elementType;
        public ImmutableArray<TypeKey> GetGenericInstantiation(ImmutableArray<TypeKey> genericType, ImmutableArray<ImmutableArray<TypeKey>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(a => a)];
        public ImmutableArray<TypeKey> GetGenericMethodParameter(object? context, int index) => [];
        public ImmutableArray<TypeKey> GetGenericTypeParameter(object? context, int index) => [];
        public ImmutableArray<TypeKey> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeKey>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(p => p)];
        public ImmutableArray<TypeKey> GetModifiedType(ImmutableArray<TypeKey> modifier, ImmutableArray<TypeKey> unmodifiedType, bool isRequired) => unmodifiedType;
    }
}
